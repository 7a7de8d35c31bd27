using CsCheck;
using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Protocol.Tests.Contexts;

public sealed class SecurityContextPropertyTests
{
    // Fragments chosen to hit the interesting corners: empty-ish, NUL, non-ASCII, U+E000..U+FFFF and surrogate pairs.
    private static readonly Gen<string> Text = Gen.OneOf("a", "b", "Z", "_", ".", " ", "\0", "é", "\uE000", "\uFFFD", "\U0001F600", "\U00010000")
        .Array[0, 5].Select(string.Concat);

    private static readonly Gen<string> Name = Text.Where(static n => n.Length > 0);

    private static readonly Gen<SecurityAttributeValue> Value = Gen.OneOf<SecurityAttributeValue>(
        Text.Select(SecurityAttributeValue.FromString),
        Gen.Long.Select(SecurityAttributeValue.FromInt64),
        Gen.Bool.Select(SecurityAttributeValue.FromBoolean),
        Gen.Double.Where(double.IsFinite).Select(SecurityAttributeValue.FromDouble),
        Text.Array[0, 4].Select(static items => SecurityAttributeValue.FromStringList(items)),
        Text.Array[0, 4].Select(static items => SecurityAttributeValue.FromStringSet(items)));

    private static readonly Gen<KeyValuePair<string, SecurityAttributeValue>[]> Attributes =
        Gen.Select(Name, Value, static (n, v) => KeyValuePair.Create(n, v))
            .Array[0, 8]
            .Select(static pairs => pairs.DistinctBy(static p => p.Key, StringComparer.Ordinal).ToArray());

    [Fact]
    public void ComputeHash_AnyInsertionOrder_GivesSameHashAndBytes() =>
        Gen.Select(Attributes, Gen.Int).Sample(static (pairs, seed) =>
        {
            var shuffled = (KeyValuePair<string, SecurityAttributeValue>[])pairs.Clone();
            new Random(seed).Shuffle(shuffled);
            var created = SecurityContext.Create(pairs);
            var built = shuffled.Aggregate(SecurityContext.Empty, static (c, p) => c.With(p.Key, p.Value));

            Assert.Equal(created.ToCanonicalBytes(), built.ToCanonicalBytes());
            Assert.Equal(created.ComputeHash(), built.ComputeHash());
            Assert.Equal(created.ComputeHash(), SecurityContext.Create(pairs).ComputeHash());
        });

    [Fact]
    public void ComputeHash_AnySingleChange_ChangesHash() =>
        Gen.Select(Attributes, Gen.Int[0, 3], Gen.Int[0, 7], Name, Value).Sample(static (pairs, change, index, name, value) =>
        {
            var original = SecurityContext.Create(pairs);
            var target = pairs.Length == 0 ? name : pairs[index % pairs.Length].Key;
            var changed = change switch
            {
                0 => original.With(target, value),
                1 => original.Without(target),
                2 => original.With(name, value),
                _ => original.Attributes.TryGetValue(target, out var moved) ? original.Without(target).With(name, moved) : original.With(name, value),
            };

            Assert.Equal(SameAttributes(original, changed), original.ComputeHash() == changed.ComputeHash());
        });

    [Fact]
    public void ComputeHash_TwoIndependentContexts_EqualExactlyWhenAttributesEqual() =>
        Gen.Select(Attributes, Attributes).Sample(static (a, b) =>
        {
            var left = SecurityContext.Create(a);
            var right = SecurityContext.Create(b);

            Assert.Equal(SameAttributes(left, right), left.ComputeHash() == right.ComputeHash());
            Assert.Equal(SameAttributes(left, right), left.ToCanonicalBytes().AsSpan().SequenceEqual(right.ToCanonicalBytes()));
        });

    [Fact]
    public void Attributes_AnyContext_AreInUtf8ByteOrderOfNames() =>
        Attributes.Sample(static pairs =>
        {
            var names = SecurityContext.Create(pairs).Attributes.Keys.Select(static n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray();
            for (var i = 1; i < names.Length; i++)
            {
                Assert.True(names[i - 1].AsSpan().SequenceCompareTo(names[i]) < 0);
            }
        });

    private static bool SameAttributes(SecurityContext a, SecurityContext b) =>
        a.Count == b.Count
        && a.Attributes.All(kv => b.Attributes.TryGetValue(kv.Key, out var other) && other.Equals(kv.Value));
}
