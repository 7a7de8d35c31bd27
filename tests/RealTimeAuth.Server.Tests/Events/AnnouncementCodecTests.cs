using System.Text;
using Microsoft.Extensions.Configuration;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Tests.Events;

public sealed class AnnouncementCodecTests
{
    private const int Roomy = 64 * 1024;
    private static readonly AnnouncementKey Key = KeyFor("a-cluster-secret-of-at-least-32-characters");

    [Fact]
    public void Decode_AnnouncementOfTheSameKey_ReturnsItsEntries()
    {
        var message = AnnouncementCodec.Encode([Entry(41), Entry(42)], Key, Roomy)!;

        var entries = AnnouncementCodec.Decode(message, Key, out var rejection);

        Assert.Null(rejection);
        Assert.NotNull(entries);
        Assert.Equal([41L, 42L], entries.Select(entry => entry.Sequence));
        Assert.Equal(Entry(42).Payload, entries[1].Payload);
        Assert.Equal(Entry(42).OccurredAt, entries[1].OccurredAt);
    }

    [Fact]
    public void Decode_AnnouncementSignedWithAnotherSecret_IsRejectedAsBadMac()
    {
        var forged = AnnouncementCodec.Encode([Entry(42)], KeyFor("another-secret-that-is-also-32-characters-long"), Roomy)!;

        Assert.Null(AnnouncementCodec.Decode(forged, Key, out var rejection));
        Assert.Equal(AnnouncementRejections.BadMac, rejection);
    }

    [Fact]
    public void Decode_BodyAlteredAfterSigning_IsRejectedAsBadMac()
    {
        var message = AnnouncementCodec.Encode([Entry(42)], Key, Roomy)!;
        var text = Encoding.UTF8.GetString(message);
        var altered = Encoding.UTF8.GetBytes(text.Replace("\"Sequence\":42", "\"Sequence\":43", StringComparison.Ordinal));
        Assert.NotEqual(message, altered);

        Assert.Null(AnnouncementCodec.Decode(altered, Key, out var rejection));
        Assert.Equal(AnnouncementRejections.BadMac, rejection);
    }

    [Fact]
    public void Decode_AuthenticEntriesOutOfOrder_AreRejected()
    {
        var message = AnnouncementCodec.Encode([Entry(42), Entry(41)], Key, Roomy)!;

        Assert.Null(AnnouncementCodec.Decode(message, Key, out var rejection));
        Assert.Equal(AnnouncementRejections.OutOfOrder, rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("RTA1 but far too short")]
    public void Decode_NotAnAnnouncement_IsRejectedAsMalformed(string message)
    {
        Assert.Null(AnnouncementCodec.Decode(Encoding.UTF8.GetBytes(message), Key, out var rejection));
        Assert.Equal(AnnouncementRejections.Malformed, rejection);
    }

    [Fact]
    public void Encode_LargerThanTheCap_GivesNothingToPublish()
    {
        var entries = Enumerable.Range(1, 100).Select(sequence => Entry(sequence)).ToArray();

        Assert.NotNull(AnnouncementCodec.Encode(entries, Key, Roomy));
        Assert.Null(AnnouncementCodec.Encode(entries, Key, 1024));
    }

    [Fact]
    public void AnnouncementKey_SecretShorterThan32Characters_FailsAtStart() =>
        Assert.Throws<InvalidOperationException>(() => KeyFor("too-short"));

    private static AnnouncementKey KeyFor(string secret) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AnnouncementKey.SecretKey] = secret }).Build());

    private static EventLogRecord Entry(long sequence) => new()
    {
        Sequence = sequence,
        Type = RtaEventTypes.SessionsRevoked,
        OccurredAt = new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero).AddTicks(sequence * 10),
        Payload = $$"""{"sessionIds":["{{Guid.Empty}}"],"reason":"test {{sequence}}"}""",
        Actor = "test",
        Origin = "replica-a",
    };
}
