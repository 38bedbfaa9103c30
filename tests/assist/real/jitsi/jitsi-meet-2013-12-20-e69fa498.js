var config = {
    hosts: {
        domain: 'guest.jit.si',
        muc: 'meet.jit.si', // FIXME: use XEP-0030
        bridge: 'jitsi-videobridge.lambada.jitsi.net' // FIXME: use XEP-0030
    },
    useNicks: false,
    bosh: '//lambada.jitsi.net/http-bind' // FIXME: use xep-0156 for that
};
