// Command reactorchoice shows how a program picks its reactor: it installs
// one by name (poll unless --reactor says otherwise) before anything asks
// for the default, runs it, and prints which reactor is running. It also
// shows that the choice is made once: installing another afterwards fails.
//
//	go run ./examples/reactorchoice
//	go run ./examples/reactorchoice --reactor select
//
// It exits 0, or 2 with the list of reactors this platform offers if the
// name is unknown.
//
// Twisted: "Choosing a Reactor and GUI Toolkit Integration" (pollreactor.install).
package main
