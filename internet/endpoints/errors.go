// DescriptionError: what is wrong with an endpoint string, and where.

package endpoints

import (
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
)

// DescriptionError reports an endpoint string that cannot be used: bad
// syntax, an unknown type, or a field with a bad, missing or unexpected
// value. errors.Is(err, interfaces.ErrInvalidArgument) holds for it.
//
// Its message names the string and the field, for example
//
//	endpoints: "tcp:abc": port: invalid number "abc"
//
// Twisted: the ValueError and TypeError raised by serverFromString and
// clientFromString.
type DescriptionError struct {
	// Description is the endpoint string as given.
	Description string
	// Field is the name of the bad field, such as "port" or "mode"; empty
	// when the problem is not one field's (syntax, unknown type).
	Field string
	// Reason says what is wrong.
	Reason string
}

// Error names the description, the field and the reason.
func (e *DescriptionError) Error() string {
	msg := "endpoints: " + strconv.Quote(e.Description) + ": "
	if e.Field != "" {
		msg += e.Field + ": "
	}
	return msg + e.Reason
}

// Unwrap returns interfaces.ErrInvalidArgument.
func (e *DescriptionError) Unwrap() error { return interfaces.ErrInvalidArgument }

func syntaxError(desc, field, reason string) error {
	return &DescriptionError{Description: desc, Field: field, Reason: reason}
}
