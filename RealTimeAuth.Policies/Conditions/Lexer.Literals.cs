using System.Globalization;
using System.Text;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>Number and string literals: decimal and hex integers, doubles, quoted strings with CEL escapes.</summary>
internal sealed partial class Lexer
{
    private void ReadNumber(int start, SourcePosition position)
    {
        if (text[_index] == '0' && _index + 1 < text.Length && text[_index + 1] is 'x' or 'X')
        {
            _index += 2;
            var digitsStart = _index;
            while (_index < text.Length && char.IsAsciiHexDigit(text[_index]))
            {
                _index++;
            }

            AddInt(start, position, text[digitsStart.._index], NumberStyles.AllowHexSpecifier);
            return;
        }

        SkipDigits();
        var isDouble = false;
        if (_index + 1 < text.Length && text[_index] == '.' && char.IsAsciiDigit(text[_index + 1]))
        {
            isDouble = true;
            _index++;
            SkipDigits();
        }

        if (_index < text.Length && text[_index] is 'e' or 'E')
        {
            isDouble = true;
            _index++;
            if (_index < text.Length && text[_index] is '+' or '-')
            {
                _index++;
            }

            if (_index >= text.Length || !char.IsAsciiDigit(text[_index]))
            {
                Fail(position, "a number's exponent needs digits");
                return;
            }

            SkipDigits();
        }

        if (!isDouble)
        {
            AddInt(start, position, text[start.._index], NumberStyles.None);
            return;
        }

        var value = double.Parse(text.AsSpan(start, _index - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            Fail(position, "the number is out of range");
            return;
        }

        _tokens.Add(new Token(TokenKind.Double, text[start.._index], position) { DoubleValue = value });
    }

    private void SkipDigits()
    {
        while (_index < text.Length && char.IsAsciiDigit(text[_index]))
        {
            _index++;
        }
    }

    private void AddInt(int start, SourcePosition position, string digits, NumberStyles style)
    {
        // 2^63 is allowed through so that the parser can read -9223372036854775808.
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude) || magnitude > (ulong)long.MaxValue + 1)
        {
            Fail(position, "the integer is out of the 64-bit range");
            return;
        }

        _tokens.Add(new Token(TokenKind.Int, text[start.._index], position) { IntMagnitude = magnitude });
    }

    private void ReadString(int start, SourcePosition position, char quote)
    {
        _index++;
        var value = new StringBuilder();
        while (true)
        {
            if (_index >= text.Length || text[_index] is '\n' or '\r')
            {
                Fail(position, "the string is not terminated");
                return;
            }

            var c = text[_index];
            if (c == quote)
            {
                _index++;
                break;
            }

            if (c == '\\')
            {
                if (!ReadEscape(value))
                {
                    return;
                }

                continue;
            }

            value.Append(c);
            _index++;
        }

        _tokens.Add(new Token(TokenKind.String, text[start.._index], position) { StringValue = value.ToString() });
    }

    private bool ReadEscape(StringBuilder value)
    {
        var position = Here;
        if (_index + 1 >= text.Length)
        {
            Fail(position, "the string is not terminated");
            return false;
        }

        var c = text[_index + 1];
        _index += 2;
        char? simple = c switch
        {
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            '`' => '`',
            '?' => '?',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => null,
        };
        if (simple is { } ch)
        {
            value.Append(ch);
            return true;
        }

        var hexLength = c switch { 'x' or 'X' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (hexLength == 0)
        {
            Fail(position, $"'\\{c}' is not an escape sequence");
            return false;
        }

        if (_index + hexLength > text.Length
            || !uint.TryParse(text.AsSpan(_index, hexLength), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || !Rune.IsValid(code))
        {
            Fail(position, "the escape does not name a Unicode scalar value");
            return false;
        }

        _index += hexLength;
        value.Append(new Rune(code).ToString());
        return true;
    }
}
