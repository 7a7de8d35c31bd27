using System.Net;
using System.Text;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>
/// A caller sends bodies past the endpoint's limit, declared or chunked; the real Kestrel server answers 413 with
/// <c>body-too-large</c> in the endpoint's own error shape, before the endpoint acts.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BodyLimitTests(InfrastructureFixture infrastructure)
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task AuthZen_DeclaredBodyPast64KiB_Is413ProblemBodyTooLarge()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_body_authzen", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", Padded(Limit + 1));

        Assert.Equal(RequestLimitReasons.BodyTooLarge, await LimitProblems.ProblemReasonAsync(response, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task AuthZen_ChunkedBodyPast64KiB_Is413ProblemBodyTooLarge()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_body_chunked", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);
        using var content = new ChunkedJson(Padded(Limit + 1));

        using var response = await client.PostAsync("/access/v1/evaluation", content).WaitAsync(LiveServer.Timeout);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(RequestLimitReasons.BodyTooLarge, await LimitProblems.ProblemReasonAsync(response, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task AuthZen_BodyJustUnderTheLimit_IsDecided()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_body_under", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", Padded(Limit - 16));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_BodyPast64KiB_Is413OAuthInvalidRequest()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_body_token");
        using var client = server.CreateHttpClient();
        using var form = new StringContent("grant_type=x&pad=" + new string('a', Limit), Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync("/oauth/token", form).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await LimitProblems.JsonAsync(response);
        Assert.Equal("invalid_request", LimitProblems.Text(body, "error"));
        Assert.StartsWith(RequestLimitReasons.BodyTooLarge + ":", LimitProblems.Text(body, "error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPush_BodyPastMaxSetBytes_Is413Rfc8935Shape()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_body_ssf");
        using var client = server.CreateHttpClient();
        using var set = new StringContent(new string('a', Limit + 1), Encoding.ASCII, "application/secevent+jwt");

        using var response = await client.PostAsync("/ssf/events", set).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await LimitProblems.JsonAsync(response);
        Assert.Equal("invalid_request", LimitProblems.Text(body, "err"));
        Assert.StartsWith(RequestLimitReasons.BodyTooLarge + ":", LimitProblems.Text(body, "description"), StringComparison.Ordinal);
    }

    /// <summary>A valid evaluation request padded with an ignored context member to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(int bytes)
    {
        const string Head = """{"subject":{"type":"user","id":"alice"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"},"pad":" """;
        const string Tail = "\"}";
        return Head.TrimEnd() + new string('x', bytes - Head.TrimEnd().Length - Tail.Length) + Tail;
    }

    /// <summary>JSON sent without a Content-Length, so only the server's running count can stop it.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 4096)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(4096, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
