namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Splits a condition into tokens, stopping at the first error. Strings take CEL's escapes except octal;
/// <c>//</c> starts a comment to the end of the line. Operators outside the language get a message that says
/// what to write instead (<c>=</c> → <c>==</c>, <c>&amp;</c> → <c>&amp;&amp;</c>).
/// </summary>
internal sealed partial class Lexer(string text)
{
    private readonly List<Token> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _lineStart;

    public PolicyDiagnostic? Error { get; private set; }

    public static List<Token>? Tokenize(string text, out PolicyDiagnostic? error)
    {
        var lexer = new Lexer(text);
        var tokens = lexer.Run();
        error = lexer.Error;
        return tokens;
    }

    private SourcePosition Here => new(_line, _index - _lineStart + 1);

    private List<Token>? Run()
    {
        while (Error is null)
        {
            SkipTrivia();
            if (_index >= text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, string.Empty, Here));
                return _tokens;
            }

            var start = _index;
            var position = Here;
            var c = text[_index];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                ReadIdentifier(start, position);
            }
            else if (char.IsAsciiDigit(c))
            {
                ReadNumber(start, position);
            }
            else if (c is '\'' or '"')
            {
                ReadString(start, position, c);
            }
            else
            {
                ReadOperator(start, position, c);
            }
        }

        return null;
    }

    private void SkipTrivia()
    {
        while (_index < text.Length)
        {
            var c = text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (c is ' ' or '\t' or '\r' or '\f')
            {
                _index++;
            }
            else if (c == '/' && _index + 1 < text.Length && text[_index + 1] == '/')
            {
                while (_index < text.Length && text[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void ReadIdentifier(int start, SourcePosition position)
    {
        while (_index < text.Length && (char.IsAsciiLetterOrDigit(text[_index]) || text[_index] == '_'))
        {
            _index++;
        }

        var word = text[start.._index];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        _tokens.Add(new Token(kind, word, position));
    }

    private void ReadOperator(int start, SourcePosition position, char c)
    {
        var next = _index + 1 < text.Length ? text[_index + 1] : '\0';
        (TokenKind Kind, int Length)? op = c switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            '?' => (TokenKind.Question, 1),
            ':' => (TokenKind.Colon, 1),
            '-' => (TokenKind.Minus, 1),
            '=' when next == '=' => (TokenKind.Equal, 2),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '!' => (TokenKind.Not, 1),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            '&' when next == '&' => (TokenKind.And, 2),
            '|' when next == '|' => (TokenKind.Or, 2),
            _ => null,
        };
        if (op is not { } found)
        {
            Fail(position, c switch
            {
                '=' => "'=' is not an operator; compare with '=='",
                '&' => "'&' is not an operator; use '&&'",
                '|' => "'|' is not an operator; use '||'",
                '+' or '*' or '/' or '%' => $"'{c}': arithmetic is not part of the condition language",
                '{' or '}' => "map literals are not part of the condition language",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"unexpected character U+{(int)c:X4}",
                _ => $"unexpected character '{c}'",
            });
            return;
        }

        _index += found.Length;
        _tokens.Add(new Token(found.Kind, text[start.._index], position));
    }

    private void Fail(SourcePosition position, string message) =>
        Error = ConditionDiagnostics.At(PolicyDiagnosticCodes.Syntax, position, message);
}
