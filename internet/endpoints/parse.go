// The string grammar: splitting a description into positional and keyword
// fields, and quoting a value for it.

package endpoints

import "strings"

// description is a parsed endpoint string: the type name, the positional
// fields after it, and the keyword fields.
type description struct {
	text   string // the string as given, for error messages
	kind   string
	args   []string
	keys   []string // keyword names, in the order given
	kwargs map[string]string
}

// parse splits s into fields. ":" separates fields; in each field the first
// "=" splits the key from the value, after which only ":" is special, so
// values may contain "="; a backslash takes the next character literally,
// anywhere. So `a:b=c=d:e\:f:g` has positional fields a, "e:f" and g, and
// the keyword field b with value "c=d". A key given twice, a trailing
// backslash and an empty type name are errors.
func parse(s string) (*description, error) {
	d := &description{text: s, kwargs: map[string]string{}}
	var fields [][]string // each: [value] or [key, value]
	var cur strings.Builder
	field := []string{}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '\\':
			if i+1 == len(s) {
				return nil, syntaxError(s, "", "trailing backslash")
			}
			i++
			cur.WriteByte(s[i])
		case ch == ':':
			fields = append(fields, append(field, cur.String()))
			field = []string{}
			cur.Reset()
		case ch == '=' && len(field) == 0:
			field = append(field, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(ch)
		}
	}
	fields = append(fields, append(field, cur.String()))
	return d, d.fill(fields)
}

// fill sorts the fields into kind, args and kwargs.
func (d *description) fill(fields [][]string) error {
	if len(fields[0]) != 1 || fields[0][0] == "" {
		return syntaxError(d.text, "", "no endpoint type before the first \":\"")
	}
	d.kind = fields[0][0]
	for _, f := range fields[1:] {
		if len(f) == 1 {
			d.args = append(d.args, f[0])
			continue
		}
		if f[0] == "" {
			return syntaxError(d.text, "", "keyword field with no name before \"=\"")
		}
		if _, dup := d.kwargs[f[0]]; dup {
			return syntaxError(d.text, f[0], "given twice")
		}
		d.keys = append(d.keys, f[0])
		d.kwargs[f[0]] = f[1]
	}
	return nil
}

// QuoteStringArgument escapes s so that it is read back as one field value
// by [ServerFromString] and [ClientFromString], positional or keyword: a
// backslash goes before every backslash, colon and equals sign. Use it for
// paths and addresses that may contain them, such as IPv6 literals.
//
// Twisted escapes only backslash and colon, which is enough after "=" but
// not in a positional field; the extra escape reads back the same in
// Twisted.
//
// Twisted: endpoints.quoteStringArgument.
func QuoteStringArgument(s string) string {
	if !strings.ContainsAny(s, `\:=`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == ':' || s[i] == '=' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
