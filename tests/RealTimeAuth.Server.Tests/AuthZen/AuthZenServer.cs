using System.Net.Http.Headers;
using System.Text;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>A started server with the Todo policy and directory files configured and one PEP API key.</summary>
internal static class AuthZenServer
{
    public const string ApiKey = "test-pep-key-0123456789";

    public static Dictionary<string, string> Settings(string policyFile) => new()
    {
        ["Policies:File"] = policyFile,
        ["Policies:DirectoryFile"] = PolicyFiles.TodoDirectory,
        ["AuthZen:ApiKeys:0"] = ApiKey,
    };

    public static Task<LiveServer> StartAsync(InfrastructureFixture infrastructure, string name) =>
        LiveServer.StartAsync(infrastructure, name, Settings(PolicyFiles.TodoPolicy));

    /// <summary>A client that sends the API key the way the interop runner does (the bare key in Authorization).</summary>
    public static HttpClient Pep(LiveServer server)
    {
        var client = server.CreateHttpClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        await client.PostAsync(path, Json(json)).WaitAsync(LiveServer.Timeout);
}
