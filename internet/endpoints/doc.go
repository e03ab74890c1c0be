// Package endpoints turns strings such as "tcp:8080:interface=127.0.0.1"
// or "unix:path=/run/app.sock" into server and client endpoints: values
// that listen or connect with a factory and report the outcome in a
// Deferred. A program can then take its listening and connecting addresses
// from a flag or a configuration file without knowing the transport.
//
// The string syntax is Twisted's: fields separated by ":", keyword fields
// written key=value, backslash escaping the next character (see
// [ServerFromString], [ClientFromString] and [QuoteStringArgument]). Server
// types are tcp, tcp6 and unix; client types are tcp and unix.
//
// Endpoints need only the narrow reactor interfaces (interfaces.ReactorTCP
// and interfaces.ReactorUNIX), so tests can hand them an
// internettest.MemoryReactor. The package never imports protocol: Connect
// wraps the user's factory itself. See ExampleServerFromString.
//
// Twisted: twisted.internet.endpoints.
package endpoints
