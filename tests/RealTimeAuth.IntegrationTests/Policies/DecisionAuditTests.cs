using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>Every decision, live and AuthZEN, lands in <c>decision_audit</c> (written by binary COPY) and reads back through the audit API and CSV.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DecisionAuditTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    private const string ApiKey = "audit-test-pep-key-0123456789";
    private const string AwkwardId = "rec,\"quoted\"";

    [Fact]
    public async Task LiveAndAuthZenDecisions_AppearInAuditApi_AndCsvIsWellFormed()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_audit", new Dictionary<string, string?> { ["AuthZen:ApiKeys:0"] = ApiKey });
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);
        var version = await PolicyAdminCalls.PublishNewAsync(server, admin, TestPolicies.NoWriterWrites, "audit test", timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read", "records:write"] },
            timeout.Token);
        await using var writer = await copilot.CreateChildAsync(Agents.Identity("writer", "data-writer"), ["records:read", "records:write"], timeout.Token);

        Assert.False((await writer.AuthorizeAsync("write", "records", AwkwardId, cancellationToken: timeout.Token)).Allowed);
        Assert.True((await writer.AuthorizeAsync("read", "records", "rec-2", cancellationToken: timeout.Token)).Allowed);
        Assert.True(await AuthZenAsync(server, "pep-user", "read", timeout.Token));

        var items = await WaitForItemsAsync(server, admin, "admin/v1/audit/decisions", 3, timeout.Token);
        var (_, deniesOnly) = await PolicyAdminCalls.GetAsync(server, admin, $"admin/v1/audit/decisions?decision=deny&agent={writer.Agent.Id}", timeout.Token);
        var (_, paged) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/audit/decisions?limit=2", timeout.Token);
        var (_, nextPage) = await PolicyAdminCalls.GetAsync(server, admin, $"admin/v1/audit/decisions?limit=2&before={paged.GetProperty("next").GetString()}", timeout.Token);
        var (badFilter, _) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/audit/decisions?decision=maybe", timeout.Token);

        var authzen = items[0];
        Assert.Equal("authzen", authzen.GetProperty("source").GetString());
        Assert.Equal("pep-user", authzen.GetProperty("user").GetString());
        Assert.Equal("allow", authzen.GetProperty("decision").GetString());
        var denied = Assert.Single(deniesOnly.GetProperty("items").EnumerateArray());
        Assert.Equal("live", denied.GetProperty("source").GetString());
        Assert.Equal(writer.SessionId, denied.GetProperty("sessionId").GetString());
        Assert.Equal(AwkwardId, denied.GetProperty("resourceId").GetString());
        Assert.Equal("denied-by-rule", denied.GetProperty("reason").GetString());
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), denied.GetProperty("policyVersion").GetString());
        Assert.Equal([copilot.Agent.Id, writer.Agent.Id], denied.GetProperty("agentChain").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.Single(nextPage.GetProperty("items").EnumerateArray());
        Assert.False(nextPage.TryGetProperty("next", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter);

        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/v1/audit/decisions.csv?decision=deny");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await http.SendAsync(request, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = ParseCsv(await response.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal("id,time,sessionId,user,agentChain,action,resourceType,resourceId,decision,policyVersion,reason,source,keyChain,truncated", string.Join(',', rows[0]));
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(14, row.Count);
        Assert.Equal("false", row[13]);
        Assert.Equal(AwkwardId, row[7]);
        Assert.Equal("deny", row[8]);
        Assert.Equal($"{copilot.Agent.Id} {writer.Agent.Id}", row[4]);
    }

    private static async Task<bool> AuthZenAsync(ServerHost server, string subject, string action, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        var body = $$"""{ "subject": { "type": "user", "id": "{{subject}}" }, "action": { "name": "{{action}}" }, "resource": { "type": "records", "id": "r-9" } }""";
        using var response = await http.PostAsync("access/v1/evaluation", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("decision").GetBoolean();
    }

    private static Task<List<JsonElement>> WaitForItemsAsync(ServerHost server, string token, string path, int count, CancellationToken cancellationToken) =>
        Eventually.ReadUntilAsync(
            async () =>
            {
                var (status, page) = await PolicyAdminCalls.GetAsync(server, token, path, cancellationToken);
                Assert.Equal(HttpStatusCode.OK, status);
                return page.GetProperty("items").EnumerateArray().ToList();
            },
            items => items.Count >= count,
            TestTimeouts.Test,
            $"{count} items at {path}",
            cancellationToken,
            TimeSpan.FromMilliseconds(50));

    /// <summary>A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes; anything else fails the test.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (!(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')))
                {
                    field.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }

                i++;
                Assert.True(i == text.Length || text[i] is ',' or '\r', $"A quoted field must end at a separator (offset {i}).");
            }
            else if (text[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.Equal('\n', text[i + 1]);
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[i]);
                Assert.NotEqual('"', text[i]);
                field.Append(text[i++]);
            }
        }

        Assert.Empty(row);
        return rows;
    }
}
