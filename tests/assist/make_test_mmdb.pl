#!/usr/bin/perl
# Writes a tiny MaxMind DB for the location tests: documentation address
# ranges mapped to countries, in the record layout of the IPtoASN country
# database (a `country_code` string). Usage: make_test_mmdb.pl OUT.mmdb
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

my $out = shift or die "usage: $0 OUT.mmdb\n";
my %types = (country_code => 'utf8_string');
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version            => 6,
    record_size           => 24,
    database_type         => 'privascore-test-country',
    languages             => ['en'],
    description           => { en => 'privascore location test database' },
    remove_reserved_networks => 0,
    map_key_type_callback => sub { $types{ $_[0] } },
);
my %networks = (
    '192.0.2.0/24'    => 'DE',   # EU
    '198.51.100.0/24' => 'US',   # third country (adequacy only for certified organisations)
    '203.0.113.0/25'  => 'CH',   # adequacy decision
    '203.0.113.128/25' => 'NO',  # EEA
    '2001:db8::/32'   => 'FR',   # EU, IPv6
    '2001:db9::/32'   => 'CN',   # third country, IPv6
);
for my $network (sort keys %networks) {
    $tree->insert_network($network, { country_code => $networks{$network} });
}
open my $fh, '>:raw', $out or die "cannot write $out: $!\n";
$tree->write_tree($fh);
close $fh or die "cannot write $out: $!\n";
