package interfaces

// FileDescriptor is an open descriptor the reactor watches.
//
// Twisted: IFileDescriptor.
type FileDescriptor interface {
	// Fileno returns the descriptor number, stable while it is watched.
	Fileno() int

	// ConnectionLost tells the descriptor the reactor stopped watching it
	// for good: DoRead or DoWrite returned reason, panicked (reason is a
	// *PanicError), or the reactor shut down (ErrConnectionLost). It is
	// called after the descriptor was removed from the reactor, on the
	// reactor goroutine, and the descriptor then owns closing its fd.
	//
	// Twisted: IFileDescriptor.connectionLost.
	ConnectionLost(reason error)
}

// ReadDescriptor is a descriptor the reactor tells when it is readable.
//
// Twisted: IReadDescriptor.
type ReadDescriptor interface {
	FileDescriptor

	// DoRead is called when the descriptor is readable, or has an error or
	// hang-up pending. A non-nil error means "drop me": the reactor removes
	// the descriptor and calls ConnectionLost with that error.
	//
	// Twisted: IReadDescriptor.doRead.
	DoRead() error
}

// WriteDescriptor is a descriptor the reactor tells when it is writable.
//
// Twisted: IWriteDescriptor.
type WriteDescriptor interface {
	FileDescriptor

	// DoWrite is called when the descriptor is writable, or has an error or
	// hang-up pending. A non-nil error means "drop me", as for DoRead.
	//
	// Twisted: IWriteDescriptor.doWrite.
	DoWrite() error
}

// ReactorFDSet watches descriptors for readiness: the low level on which
// ports and transports are built.
//
// A reader and a writer on the same fd must be the same value. All methods:
// Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.
type ReactorFDSet interface {
	// AddReader watches r for readability. Adding it again is a no-op. It
	// returns ErrTooManyDescriptors if the poller cannot watch the fd, or
	// the poller's error.
	AddReader(r ReadDescriptor) error

	// AddWriter watches w for writability, as AddReader.
	AddWriter(w WriteDescriptor) error

	// RemoveReader stops watching r for readability; it is a no-op if r is
	// not watched.
	RemoveReader(r ReadDescriptor)

	// RemoveWriter stops watching w for writability; it is a no-op if w is
	// not watched.
	RemoveWriter(w WriteDescriptor)

	// RemoveAll stops watching every descriptor except the reactor's own
	// (its waker) and returns them, each once.
	RemoveAll() []FileDescriptor

	// Readers returns the descriptors watched for readability, except the
	// reactor's own.
	Readers() []ReadDescriptor

	// Writers returns the descriptors watched for writability.
	Writers() []WriteDescriptor
}
