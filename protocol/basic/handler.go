// The handler interfaces through which receivers call user code.

package basic

// LineHandler receives the lines of a LineReceiver or LineOnlyReceiver.
// It may also implement RawDataHandler and LineLengthExceededHandler.
//
// Twisted: LineReceiver.lineReceived.
type LineHandler interface {
	// LineReceived is called with each line, without its delimiter. line
	// is valid only until LineReceived returns; copy it to keep it.
	LineReceived(line []byte)
}

// RawDataHandler receives what a LineReceiver reads in raw mode. A handler
// without it loses raw data.
//
// Twisted: LineReceiver.rawDataReceived.
type RawDataHandler interface {
	// RawDataReceived is called with bytes read in raw mode. data is valid
	// only until RawDataReceived returns.
	RawDataReceived(data []byte)
}

// LineLengthExceededHandler is told of lines longer than MaxLength. Without
// it, a receiver closes the connection.
//
// Twisted: LineReceiver.lineLengthExceeded.
type LineLengthExceededHandler interface {
	// LineLengthExceeded is called with the beginning of a too-long line
	// (more than MaxLength bytes of it). If the connection stays open, the
	// rest of that line, up to and including its delimiter, is discarded
	// and the lines after it are delivered as usual. line is valid only
	// until LineLengthExceeded returns.
	LineLengthExceeded(line []byte)
}

// StringHandler receives the strings of a NetstringReceiver or an
// Int8/16/32StringReceiver. An IntN receiver's handler may also implement
// LengthLimitExceededHandler.
//
// Twisted: NetstringReceiver.stringReceived, IntNStringReceiver.stringReceived.
type StringHandler interface {
	// StringReceived is called with each string. s is valid only until
	// StringReceived returns; copy it to keep it.
	StringReceived(s []byte)
}

// LengthLimitExceededHandler is told of a length prefix above MaxLength.
// Without it, an IntN receiver closes the connection.
//
// Twisted: IntNStringReceiver.lengthLimitExceeded.
type LengthLimitExceededHandler interface {
	// LengthLimitExceeded is called with the declared length. The payload
	// is never delivered: if the connection stays open, its bytes are
	// discarded as they arrive and the strings after it are delivered as
	// usual.
	LengthLimitExceeded(length int)
}
