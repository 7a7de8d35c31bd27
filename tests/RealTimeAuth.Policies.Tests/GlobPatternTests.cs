using RealTimeAuth.Policies.Evaluation;

namespace RealTimeAuth.Policies.Tests;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("abc", "ABC", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "ba", false)]
    [InlineData("*a", "ba", true)]
    [InlineData("*a", "ab", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("a*a", "aa", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*b*b*", "bb", true)]
    [InlineData("*b*b*", "b", false)]
    [InlineData("**", "x", true)]
    [InlineData("a*bc*bc", "abcbc", true)]
    [InlineData("a*bc*bc", "abcxbc", true)]
    [InlineData("a*bc*bc", "abcb", false)]
    public void IsMatch_StarPattern_MatchesAsGlob(string pattern, string value, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(value));

    [Fact]
    public void IsMatch_AgainstNaiveBacktracking_AgreesOnRandomInputs()
    {
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = RandomText(random, "ab*", random.Next(0, 7));
            var value = RandomText(random, "ab", random.Next(0, 9));

            Assert.True(Naive(pattern, value) == GlobPattern.Parse(pattern).IsMatch(value), $"'{pattern}' vs '{value}'");
        }
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static bool Naive(string pattern, string value) =>
        pattern.Length == 0 ? value.Length == 0
        : pattern[0] == '*' ? Naive(pattern[1..], value) || (value.Length > 0 && Naive(pattern, value[1..]))
        : value.Length > 0 && value[0] == pattern[0] && Naive(pattern[1..], value[1..]);
}
