using CsCheck;
using RealTimeAuth.Protocol.Scopes;

namespace RealTimeAuth.Protocol.Tests.Scopes;

public sealed class RtaScopePropertyTests
{
    // Short strings over an alphabet rich in separators and wildcards, so the corners come up often.
    private static readonly Gen<string> Text = Gen.OneOf("a", "b", ":", "*", "é").Array[0, 5].Select(string.Concat);

    private static readonly Gen<string> Name = Text.Where(static text => RtaScope.IsName(text));

    [Fact]
    public void Parse_TypeAndActionNames_RoundTrip() =>
        Gen.Select(Name, Name).Sample(static (type, action) =>
        {
            var scope = RtaScope.Parse(type + RtaScope.Separator + action);

            Assert.Equal((type, action, false), (scope.ResourceType, scope.Action, scope.IsWildcard));
            Assert.Equal(type + RtaScope.Separator + action, scope.ToString());
            Assert.True(scope.Covers(type, action));
        });

    [Fact]
    public void Covers_WildcardScope_EveryActionOfItsTypeOnly() =>
        Gen.Select(Name, Name, Name).Sample(static (type, otherType, action) =>
        {
            var scope = RtaScope.Parse(type + RtaScope.Separator + RtaScope.Wildcard);

            Assert.True(scope.Covers(type, action));
            Assert.Equal(type == otherType, scope.Covers(otherType, action));
        });

    [Fact]
    public void Covers_AnyTextAndQuery_AgreesWithTheDeciderItReplaced() =>
        Gen.Select(Text, Text, Text).Sample(static (text, type, action) =>
            Assert.Equal(DeciderBefore(text, type, action), RtaScope.TryParse(text, out var scope) && scope.Covers(type, action)));

    [Fact]
    public void TryParse_AnyText_ParsesExactlyOneSeparatorBetweenAGrantableTypeAndAction() =>
        Text.Sample(static text =>
        {
            var parts = text.Split(RtaScope.Separator);
            var expected = parts.Length == 2 && RtaScope.IsName(parts[0]) && (RtaScope.IsName(parts[1]) || parts[1] == RtaScope.Wildcard);

            Assert.Equal(expected, RtaScope.TryParse(text, out var scope));
            Assert.Equal(expected ? text : string.Empty, scope.ToString());
        });

    /// <summary>The scope match of <c>ScopeAuthorizationDecider</c> before it used <see cref="RtaScope"/>: the oracle.</summary>
    private static bool DeciderBefore(string scope, string resourceType, string action)
    {
        static bool IsName(string value) => value.Length > 0 && value != "*" && !value.Contains(':', StringComparison.Ordinal);

        if (!IsName(resourceType) || !IsName(action))
        {
            return false;
        }

        var span = scope.AsSpan();
        if (span.Length <= resourceType.Length + 1 || !span.StartsWith(resourceType, StringComparison.Ordinal) || span[resourceType.Length] != ':')
        {
            return false;
        }

        var granted = span[(resourceType.Length + 1)..];
        return granted.SequenceEqual(action) || granted.SequenceEqual("*");
    }
}
