// Package interfaces declares the contracts of Twistgo: what a reactor offers
// (ReactorCore, ReactorTime, ReactorFDSet, ReactorThreads, ReactorTCP,
// ReactorUNIX, ReactorUDP), what it drives (ReadDescriptor, WriteDescriptor),
// what users write (Protocol, Factory, ClientFactory, DatagramProtocol), what
// connects them (Transport, ListeningPort, Connector, Producer, Consumer), and
// the error values every side compares against with errors.Is.
//
// It implements nothing: no goroutines, no syscalls. It imports only the
// standard library and package deferred, so implementations (internet,
// transport) and users (protocol) meet here without importing each other.
package interfaces
