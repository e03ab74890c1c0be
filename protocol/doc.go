// Package protocol holds the building blocks of user protocols and
// factories: an embeddable Base that keeps the Transport, Factory helpers
// that build a protocol per connection and count their ports, ClientFactory,
// and ReconnectingClientFactory, which retries a lost or failed connection
// with exponential back-off on the reactor's clock.
//
// Go embedding has no virtual dispatch: the framework calls MakeConnection,
// ConnectionMade, DataReceived and ConnectionLost on the value a factory
// built, so a type that embeds Base overrides a method simply by defining
// it. Helpers that must call back into user code (the receivers in package
// basic, the policies) take an explicit handler instead.
//
// Package protocol and its sub-packages (basic, policies, wire,
// portforward) import only interfaces, deferred and the standard library:
// time comes through interfaces.ReactorTime and connecting through
// interfaces.ReactorTCP, so their tests run on the in-memory doubles of
// transport/transporttest and internet/task. See ExampleForProtocol.
//
// Twisted: twisted.internet.protocol.
package protocol
