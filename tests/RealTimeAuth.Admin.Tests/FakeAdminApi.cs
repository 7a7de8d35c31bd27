using System.Net;
using System.Text;
using System.Text.Json;

namespace RealTimeAuth.Admin.Tests;

/// <summary>
/// The server's admin API faked at the HTTP handler: answers by path prefix, records requests, and can hold a
/// path unanswered to show a page's loading state. The route registered last wins, so register general prefixes first. Unknown paths answer 404.
/// </summary>
public sealed class FakeAdminApi : HttpMessageHandler
{
    private readonly List<(string Prefix, Func<HttpRequestMessage, HttpResponseMessage> Answer)> _routes = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _held = [];

    public List<string> Requests { get; } = [];

    public FakeAdminApi Json(string prefix, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes.Insert(0, (prefix, _ => new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
        }));
        return this;
    }

    public FakeAdminApi Status(string prefix, HttpStatusCode status, string body = "")
    {
        _routes.Insert(0, (prefix, _ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") }));
        return this;
    }

    public FakeAdminApi Respond(string prefix, Func<HttpResponseMessage> answer)
    {
        _routes.Insert(0, (prefix, _ => answer()));
        return this;
    }

    /// <summary>Requests to <paramref name="prefix"/> wait until <see cref="Release"/>.</summary>
    public FakeAdminApi Hold(string prefix)
    {
        _held.Add(prefix);
        return this;
    }

    public void Release() => _release.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        lock (Requests)
        {
            Requests.Add($"{request.Method} {path}");
        }

        if (_held.Any(path.StartsWith))
        {
            await _release.Task.WaitAsync(cancellationToken);
        }

        foreach (var (prefix, answer) in _routes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return answer(request);
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
