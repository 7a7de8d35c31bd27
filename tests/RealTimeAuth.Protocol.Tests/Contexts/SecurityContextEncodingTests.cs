using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Protocol.Tests.Contexts;

public sealed class SecurityContextEncodingTests
{
    [Fact]
    public void Encode_Empty_IsPrefixVersionAndZeroCount() =>
        Assert.Equal(Convert.FromHexString("5254412D435458" + "01" + "00000000"), SecurityContext.Empty.ToCanonicalBytes());

    [Fact]
    public void Encode_EveryKind_MatchesDocumentedBytes()
    {
        var context = SecurityContext.Empty
            .With("s", "hé")
            .With("i", -2L)
            .With("b", true)
            .With("l", SecurityAttributeValue.FromStringList(["x", ""]))
            .With("d", SecurityAttributeValue.FromDouble(1.5));

        var expected = Convert.FromHexString(
            "5254412D43545801" + "00000005" +
            "0000000162" + "03" + "01" +                                   // b: Boolean true
            "0000000164" + "05" + "3FF8000000000000" +                     // d: Double 1.5
            "0000000169" + "02" + "FFFFFFFFFFFFFFFE" +                     // i: Int64 -2
            "000000016C" + "04" + "00000002" + "0000000178" + "00000000" + // l: ["x", ""]
            "0000000173" + "01" + "0000000368C3A9");                       // s: "hé"

        Assert.Equal(expected, context.ToCanonicalBytes());
    }

    [Fact]
    public void ComputeHash_IsSha256OfCanonicalBytes()
    {
        var context = SecurityContext.Empty.With("role", "admin");

        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(context.ToCanonicalBytes())),
            context.ComputeHash().ToString());
    }

    [Fact]
    public void ComputeHash_InsertionOrder_DoesNotMatter()
    {
        var a = SecurityContext.Empty.With("a", 1L).With("b", "x").With("c", false);
        var b = SecurityContext.Empty.With("c", false).With("a", 1L).With("b", "x");

        Assert.Equal(a.ComputeHash(), b.ComputeHash());
    }

    [Theory]
    [InlineData("ab", "c", "a", "bc")]
    [InlineData("ab", "", "a", "b")]
    [InlineData("a\u0000", "b", "a", "\u0000b")]
    public void ComputeHash_SameConcatenationDifferentSplit_Differs(string name1, string value1, string name2, string value2)
    {
        var a = SecurityContext.Empty.With(name1, value1);
        var b = SecurityContext.Empty.With(name2, value2);

        Assert.NotEqual(a.ComputeHash(), b.ComputeHash());
    }

    [Fact]
    public void ComputeHash_ListItemsResplit_Differs()
    {
        var a = SecurityContext.Empty.With("l", SecurityAttributeValue.FromStringList(["ab", "c"]));
        var b = SecurityContext.Empty.With("l", SecurityAttributeValue.FromStringList(["a", "bc"]));

        Assert.NotEqual(a.ComputeHash(), b.ComputeHash());
    }

    [Fact]
    public void ComputeHash_SameDigitsDifferentType_Differs()
    {
        var text = SecurityContext.Empty.With("v", "1").ComputeHash();
        var number = SecurityContext.Empty.With("v", 1L).ComputeHash();
        var flag = SecurityContext.Empty.With("v", true).ComputeHash();
        var real = SecurityContext.Empty.With("v", SecurityAttributeValue.FromDouble(1)).ComputeHash();
        var list = SecurityContext.Empty.With("v", SecurityAttributeValue.FromStringList(["1"])).ComputeHash();

        Assert.Equal(5, new[] { text, number, flag, real, list }.Distinct().Count());
    }

    [Fact]
    public void ComputeHash_StringListOrder_Matters()
    {
        var ab = SecurityContext.Empty.With("chain", SecurityAttributeValue.FromStringList(["a", "b"]));
        var ba = SecurityContext.Empty.With("chain", SecurityAttributeValue.FromStringList(["b", "a"]));

        Assert.NotEqual(ab.ComputeHash(), ba.ComputeHash());
    }

    [Fact]
    public void ComputeHash_StringSetOrderAndDuplicates_DoNotMatter()
    {
        var a = SecurityContext.Empty.With("roles", SecurityAttributeValue.FromStringSet(["b", "a", "b"]));
        var b = SecurityContext.Empty.With("roles", SecurityAttributeValue.FromStringSet(["a", "b"]));

        Assert.Equal(a.ComputeHash(), b.ComputeHash());
        Assert.Equal(new[] { "a", "b" }, a.Attributes["roles"].AsStringList().ToArray());
    }

    [Fact]
    public void Encode_Names_SortedByCodePointNotUtf16()
    {
        // U+FFFD sorts before U+1F600 by code point (and UTF-8 bytes) but after it in UTF-16 ordinal order.
        var context = SecurityContext.Empty.With("\U0001F600", 1L).With("\uFFFD", 2L).With("Z", 3L);

        Assert.Equal(["Z", "\uFFFD", "\U0001F600"], context.Attributes.Keys);
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFFFD") < 0);
    }

    [Fact]
    public void FromDouble_NegativeZero_EncodesAsZero() =>
        Assert.Equal(
            SecurityContext.Empty.With("d", SecurityAttributeValue.FromDouble(0.0)).ComputeHash(),
            SecurityContext.Empty.With("d", SecurityAttributeValue.FromDouble(-0.0)).ComputeHash());

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromDouble_NotFinite_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SecurityAttributeValue.FromDouble(value));

    // Built in code: xunit would turn a lone surrogate in [InlineData] into U+FFFD when it serialises the case.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Strings_LoneSurrogate_AreRejected(int index)
    {
        var malformed = new[] { "\uD800", "a" + '\uDC00' + "b", string.Concat('\uDC00', '\uD800') }[index];
        Assert.Throws<ArgumentException>(() => SecurityAttributeValue.FromString(malformed));
        Assert.Throws<ArgumentException>(() => SecurityAttributeValue.FromStringList(["ok", malformed]));
        Assert.Throws<ArgumentException>(() => SecurityContext.Empty.With(malformed, 1L));
    }

    [Fact]
    public void With_EmptyNameOrDefaultValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => SecurityContext.Empty.With("", 1L));
        Assert.Throws<ArgumentException>(() => SecurityContext.Empty.With("a", default));
    }

    [Fact]
    public void Create_DuplicateName_Throws() =>
        Assert.Throws<ArgumentException>(() => SecurityContext.Create(
        [
            new("a", 1L),
            new("a", 2L),
        ]));

    [Fact]
    public void WithAndWithout_ReplaceAndRemove_ChangeTheHashBackAndForth()
    {
        var original = SecurityContext.Empty.With("risk", "low");

        var raised = original.With("risk", "high");
        var restored = raised.With("risk", "low");
        var removed = original.Without("risk");

        Assert.NotEqual(original.ComputeHash(), raised.ComputeHash());
        Assert.Equal(original.ComputeHash(), restored.ComputeHash());
        Assert.Equal(SecurityContext.Empty.ComputeHash(), removed.ComputeHash());
    }

    [Fact]
    public void Accessors_WrongKind_Throw()
    {
        SecurityAttributeValue value = 5L;

        Assert.Equal(5L, value.AsInt64());
        Assert.Throws<InvalidOperationException>(() => value.AsString());
        Assert.Throws<InvalidOperationException>(() => value.AsBoolean());
    }
}
