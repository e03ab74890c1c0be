// The errors of package basic.

package basic

import "errors"

var (
	// ErrLineTooLong reports a line longer than the receiver's MaxLength.
	//
	// Twisted: LineReceiver.lineLengthExceeded.
	ErrLineTooLong = errors.New("twistgo: line too long")

	// ErrMalformedNetstring reports input that is not a netstring: a length
	// that is empty, not decimal or has a leading zero, a missing ":", or a
	// payload not followed by ",". It is wrapped with the detail.
	//
	// Twisted: basic.NetstringParseError.
	ErrMalformedNetstring = errors.New("twistgo: malformed netstring")

	// ErrLengthLimitExceeded reports a declared string length above the
	// receiver's MaxLength. It is wrapped with the length.
	//
	// Twisted: IntNStringReceiver.lengthLimitExceeded.
	ErrLengthLimitExceeded = errors.New("twistgo: string length limit exceeded")

	// ErrStringTooLong is returned by SendString for a string whose length
	// does not fit the receiver's length prefix.
	//
	// Twisted: basic.StringTooLongError.
	ErrStringTooLong = errors.New("twistgo: string too long for its length prefix")
)
