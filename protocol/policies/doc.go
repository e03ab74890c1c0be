// Package policies wraps protocols and factories to enforce a policy on
// connections without changing the protocol: an idle timeout (Timeout,
// TimeoutFactory), caps on connections per peer host and in total
// (LimitConnectionsByPeer, LimitTotalConnectionsFactory), and bandwidth
// limits (ThrottlingFactory).
//
// They are built on ProtocolWrapper, which stands between a transport and
// a protocol, forwarding everything both ways, and WrappingFactory, which
// wraps every protocol its factory builds and keeps track of the live
// connections. A policy type embeds them and overrides the methods it
// needs; because Go embedding has no virtual dispatch, a wrapper hands its
// protocol the outer value explicitly (ProtocolWrapper.MakeConnectionAs).
//
// Package policies imports only interfaces and the standard library; time
// comes through interfaces.ReactorTime, so tests drive it with task.Clock.
//
// Twisted: twisted.protocols.policies.
package policies
