package watch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// The watcher fetches what untrusted feeds name: a feed's item may link to
// the cloud's metadata service, the machine itself or a printer on the
// office network, and the page it gets back is stored and served. So every
// connection is checked where it is made, on the address DNS gave and the
// dialler is about to use: a name that resolves to an internal address, a
// second resolution that differs from the first (DNS rebinding) and every
// redirect hop are all caught there, as none can connect without dialling.

// NetPolicy decides which addresses the watcher may connect to: any public
// address, and of the internal ones (loopback, private, link-local,
// multicast, …) only those in Allow. The zero value refuses every internal
// address.
type NetPolicy struct {
	// Allow lists the internal ranges that may be fetched all the same:
	// a feed on the user's own network (`chorus watch --allow-net`).
	Allow []netip.Prefix
}

// InternalAddrError is a connection refused because its address is
// internal and not allowed.
type InternalAddrError struct {
	Addr  netip.Addr
	Range string // what the address is, e.g. "loopback 127.0.0.0/8"
}

func (e *InternalAddrError) Error() string {
	return fmt.Sprintf("refused: %s is an internal address (%s), not fetched; --allow-net allows a range", e.Addr, e.Range)
}

// internalRanges are the addresses that are not the public internet's:
// the machine itself, local and private networks, addresses of special
// use, multicast and broadcast. The first range holding an address names
// it, so the narrower come first.
var internalRanges = func() []namedPrefix {
	var out []namedPrefix
	for _, r := range [][2]string{
		// IPv4 (RFC 6890 and its updates).
		{"0.0.0.0/8", "unspecified, this network"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "shared, carrier-grade NAT"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation"},
		{"192.88.99.0/24", "6to4 relay anycast"},
		{"192.168.0.0/16", "private"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"224.0.0.0/4", "multicast"},
		{"255.255.255.255/32", "broadcast"},
		{"240.0.0.0/4", "reserved"},
		// IPv6. IPv4-mapped addresses (::ffff:0:0/96) are unmapped and
		// checked as IPv4; NAT64 and 6to4 addresses are checked for the
		// IPv4 address inside them too (see embeddedIPv4).
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "IPv4-compatible"},
		{"64:ff9b:1::/48", "local NAT64"},
		{"100::/64", "discard-only"},
		{"2001::/23", "IETF protocol assignments"},
		{"2001:db8::/32", "documentation"},
		{"fc00::/7", "unique local, private"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local"},
		{"ff00::/8", "multicast"},
	} {
		out = append(out, namedPrefix{netip.MustParsePrefix(r[0]), r[1]})
	}
	return out
}()

type namedPrefix struct {
	prefix netip.Prefix
	name   string
}

// Allowed tells whether the watcher may connect to a: nil for a public
// address or one in p.Allow, else an *InternalAddrError saying what the
// address is.
func (p NetPolicy) Allowed(a netip.Addr) error {
	if !a.IsValid() {
		return errors.New("refused: no valid address")
	}
	a = a.WithZone("")
	for _, allowed := range p.Allow {
		if allowed.Contains(a) || allowed.Contains(a.Unmap()) {
			return nil
		}
	}
	if name := internalRange(a); name != "" {
		return &InternalAddrError{Addr: a, Range: name}
	}
	return nil
}

// internalRange names the internal range a is in, or "" for a public
// address.
func internalRange(a netip.Addr) string {
	a = a.Unmap()
	for _, r := range internalRanges {
		if r.prefix.Contains(a) {
			return r.name + " " + r.prefix.String()
		}
	}
	if v4, via, ok := embeddedIPv4(a); ok {
		if name := internalRange(v4); name != "" {
			return fmt.Sprintf("%s, inside %s %s", via, v4, name)
		}
	}
	return ""
}

var (
	nat64 = netip.MustParsePrefix("64:ff9b::/96")
	sixTo = netip.MustParsePrefix("2002::/16")
)

// embeddedIPv4 is the IPv4 address that an IPv6 address reaches through
// a translator: NAT64's well-known prefix holds it in its last 32 bits,
// 6to4 in the 32 bits after its prefix.
func embeddedIPv4(a netip.Addr) (v4 netip.Addr, via string, ok bool) {
	b := a.As16()
	switch {
	case !a.Is6():
		return netip.Addr{}, "", false
	case nat64.Contains(a):
		return netip.AddrFrom4([4]byte(b[12:16])), "NAT64", true
	case sixTo.Contains(a):
		return netip.AddrFrom4([4]byte(b[2:6])), "6to4", true
	}
	return netip.Addr{}, "", false
}

// Control is a net.Dialer.Control function: it refuses to connect to an
// address that p does not allow. The address it is given is the one
// resolved, just before the connection is made.
func (p NetPolicy) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused: cannot tell the address of %q: %w", address, err)
	}
	return p.Allowed(ap.Addr())
}

// Transport is an HTTP transport whose every connection p checks. It uses
// no proxy: a proxy would connect on our behalf, out of the policy's sight.
func (p NetPolicy) Transport() *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: p.Control}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	t.DialContext = d.DialContext
	return t
}

// ParseAllowNet reads a comma-separated list of address ranges in CIDR
// form ("127.0.0.0/8,fd00::/8"); a single address stands for itself
// alone.
func ParseAllowNet(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if a, err := netip.ParseAddr(part); err == nil && a.Zone() == "" {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, fmt.Errorf("%q is not an address range such as 10.1.0.0/16", part)
		}
		out = append(out, p.Masked())
	}
	if len(out) == 0 {
		return nil, errors.New("no address range given")
	}
	return out, nil
}
