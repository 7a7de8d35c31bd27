using System.Text.Json.Nodes;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>Reading and caching the transmitters' keys: rotation, the refresh rate limit, SSF metadata discovery.</summary>
public sealed class TransmitterKeyStoreTests : IDisposable
{
    private readonly ValidatorHarness _harness = new(new SharedSignalsOptions { KeyRefreshMinInterval = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task Validate_RotatedKeyAfterRefreshInterval_FetchesJwksAgainAndAccepts()
    {
        Assert.True((await _harness.ValidateAsync(_harness.Claims())).IsValid);
        using var rotated = TestSigningKey.Es256("key-2");
        _harness.Documents.ServeJwks(TestStreams.JwksUri, rotated);
        _harness.Time.Advance(TimeSpan.FromSeconds(31));

        var result = await _harness.ValidateAsync(rotated.Sign(_harness.Claims()));

        Assert.True(result.IsValid, result.Rejection?.Description);
        Assert.Equal(2, _harness.Documents.RequestsFor(TestStreams.JwksUri));
    }

    [Fact]
    public async Task Validate_UnknownKidsInQuickSuccession_JwksReadAtMostOncePerInterval()
    {
        Assert.True((await _harness.ValidateAsync(_harness.Claims())).IsValid);
        _harness.Time.Advance(TimeSpan.FromSeconds(31));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var forged = TestSigningKey.Es256($"forged-{attempt}");
            Assert.Equal(SetRejectionReasons.UnknownKey, (await _harness.ValidateAsync(forged.Sign(_harness.Claims()))).Rejection?.Reason);
        }

        Assert.Equal(2, _harness.Documents.RequestsFor(TestStreams.JwksUri));
    }

    [Fact]
    public async Task Validate_JwksUnreachableAfterKeysKnown_KnownKeysStillUsed()
    {
        Assert.True((await _harness.ValidateAsync(_harness.Claims())).IsValid);
        _harness.Documents.Serve(TestStreams.JwksUri, () => throw new HttpRequestException("down"));
        _harness.Time.Advance(TimeSpan.FromHours(2));

        Assert.True((await _harness.ValidateAsync(_harness.Claims())).IsValid);
    }

    [Fact]
    public async Task Validate_JwksNeverReadable_TransmitterUnavailable()
    {
        _harness.Documents.Serve(TestStreams.JwksUri, () => "not json");

        await Assert.ThrowsAsync<TransmitterUnavailableException>(() => _harness.ValidateAsync(_harness.Claims()));
    }

    [Fact]
    public async Task Validate_JwksDownBeforeFirstRead_RetriedAtMostOncePerSecond()
    {
        _harness.Documents.Serve(TestStreams.JwksUri, () => throw new HttpRequestException("down"));

        await Assert.ThrowsAsync<TransmitterUnavailableException>(() => _harness.ValidateAsync(_harness.Claims()));
        await Assert.ThrowsAsync<TransmitterUnavailableException>(() => _harness.ValidateAsync(_harness.Claims()));
        _harness.Documents.ServeJwks(TestStreams.JwksUri, _harness.Key);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await _harness.ValidateAsync(_harness.Claims());

        Assert.Equal(2, _harness.Documents.RequestsFor(TestStreams.JwksUri));
        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Fact]
    public async Task Validate_NoJwksUri_ReadsSsfMetadataAtWellKnownPath()
    {
        var stream = ValidatorHarness.Descriptor("https://tr.example.com/issuer1", jwksUri: null);
        _harness.Catalog.Replace([stream]);
        _harness.Documents.Serve("https://tr.example.com/.well-known/ssf-configuration/issuer1", () => new JsonObject
        {
            ["spec_version"] = "1_0",
            ["issuer"] = "https://tr.example.com/issuer1",
            ["jwks_uri"] = "https://tr.example.com/jwks.json",
        }.ToJsonString());
        _harness.Documents.ServeJwks("https://tr.example.com/jwks.json", _harness.Key);

        var result = await _harness.Validator.ValidateAsync(_harness.Key.Sign(_harness.Claims().With("iss", "https://tr.example.com/issuer1")), [stream], CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Fact]
    public async Task Validate_MetadataForAnotherIssuer_TransmitterUnavailable()
    {
        var stream = ValidatorHarness.Descriptor("https://tr.example.com/", jwksUri: null);
        _harness.Catalog.Replace([stream]);
        _harness.Documents.Serve("https://tr.example.com/.well-known/ssf-configuration", () => new JsonObject
        {
            ["issuer"] = "https://evil.example.com/",
            ["jwks_uri"] = "https://evil.example.com/jwks.json",
        }.ToJsonString());

        await Assert.ThrowsAsync<TransmitterUnavailableException>(() =>
            _harness.Validator.ValidateAsync(_harness.Key.Sign(_harness.Claims().With("iss", "https://tr.example.com/")), [stream], CancellationToken.None));
    }

    [Theory]
    [InlineData("https://tr.example.com", "https://tr.example.com/.well-known/ssf-configuration")]
    [InlineData("https://tr.example.com/", "https://tr.example.com/.well-known/ssf-configuration")]
    [InlineData("https://tr.example.com/issuer1", "https://tr.example.com/.well-known/ssf-configuration/issuer1")]
    [InlineData("https://tr.example.com/a/b/", "https://tr.example.com/.well-known/ssf-configuration/a/b")]
    [InlineData("https://tr.example.com:8443/t", "https://tr.example.com:8443/.well-known/ssf-configuration/t")]
    public void MetadataAddress_ForIssuer_InsertsWellKnownBeforePath(string issuer, string expected)
    {
        Assert.Equal(expected, SsfMetadataAddress.For(issuer).ToString());
    }

    public void Dispose() => _harness.Dispose();
}
