package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
)

func TestParseUDP(t *testing.T) {
	tests := []struct {
		desc    string
		want    udpEndpoint
		wantErr string // part of the error; "" means none
	}{
		{desc: "udp:0", want: udpEndpoint{port: 0}},
		{desc: "udp:8037", want: udpEndpoint{port: 8037}},
		{desc: "udp:port=53:interface=127.0.0.1", want: udpEndpoint{port: 53, opts: interfaces.UDPListenOptions{Interface: "127.0.0.1"}}},
		{desc: `udp:7:interface=\:\:1:maxPacketSize=512`, want: udpEndpoint{port: 7, opts: interfaces.UDPListenOptions{Interface: "::1", MaxPacketSize: 512}}},
		{desc: "udp:", wantErr: `invalid port ""`},
		{desc: "udp:seven", wantErr: `invalid port "seven"`},
		{desc: "udp:65536", wantErr: "invalid port"},
		{desc: "udp:1:2", wantErr: "port given twice"},
		{desc: "udp:1:port=2", wantErr: "port given twice"},
		{desc: "udp:1:interface=::1", wantErr: "port given twice"}, // unescaped colons split fields
		{desc: "udp:1:colour=red", wantErr: "colour: unknown field"},
		{desc: "udp:interface=127.0.0.1", wantErr: "no port"},
		{desc: "udp:1:backlog=5", wantErr: "backlog: unknown field"},
		{desc: "udp:1:maxPacketSize=0", wantErr: "invalid size"},
		{desc: `udp:1\`, wantErr: "trailing backslash"},
	}
	for _, tc := range tests {
		got, err := parseUDP(tc.desc)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("parseUDP(%q): %v", tc.desc, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("parseUDP(%q) error = %v, want one containing %q", tc.desc, err, tc.wantErr)
		case tc.wantErr == "":
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(udpEndpoint{})); diff != "" {
				t.Errorf("parseUDP(%q) (-want +got):\n%s", tc.desc, diff)
			}
		}
	}
}
