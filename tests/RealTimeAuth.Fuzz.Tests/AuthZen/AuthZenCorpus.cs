using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Fuzz.Tests.AuthZen;

/// <summary>
/// The AuthZEN handlers' real dependencies without I/O (the Todo policy and directory of the interop suite, active;
/// a page-token key), and valid bodies of every endpoint to mutate: the interop suite's requests, batches of them
/// with each evaluation semantic, and searches with paging.
/// </summary>
internal sealed class AuthZenCorpus
{
    private static readonly string[] Semantics = ["execute_all", "deny_on_first_deny", "permit_on_first_permit"];

    public AuthZenCorpus()
    {
        var compilation = PolicyFile.Load(RepositoryFiles.Read("policies/todo.policy.json"), AttributeSchema.Default, "fuzz");
        var document = PolicyFile.Read(RepositoryFiles.Read("policies/todo.policy.json")).Document!;
        var directory = SubjectDirectoryFile.Import(RepositoryFiles.Read("policies/todo.directory.json")).Directory!;
        var active = new ActivePolicy();
        active.Update(new PolicySnapshot(compilation.PolicySet!, document, directory));
        Evaluator = new AuthZenEvaluator(active, TimeProvider.System);

        var requests = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Conformance("authzen", "todo-decisions.json")))!["evaluation"]!.AsArray()
            .Select(item => item!["request"]!.AsObject()).Take(24).ToList();
        var bodies = new List<JsonObject>();
        bodies.AddRange(requests.Select(request => (JsonObject)request.DeepClone()));
        for (var i = 0; i + 3 <= requests.Count; i += 3)
        {
            var batch = (JsonObject)requests[i].DeepClone();
            batch["evaluations"] = new JsonArray([.. requests.Skip(i + 1).Take(2).Select(item => item.DeepClone())]);
            batch["options"] = new JsonObject { ["evaluations_semantic"] = Semantics[i / 3 % Semantics.Length] };
            batch["context"] = new JsonObject { ["ip"] = "10.0.0.7", ["n"] = i, ["nested"] = new JsonArray(1, "two", null, true) };
            bodies.Add(batch);
        }

        foreach (var request in requests.Take(6))
        {
            var search = (JsonObject)request.DeepClone();
            search["page"] = new JsonObject { ["limit"] = 2, ["token"] = Tokens.Protect(2, "not-this-query") };
            bodies.Add(search);
        }

        Bodies = [.. bodies.Select(body => Encoding.UTF8.GetBytes(body.ToJsonString()))];
    }

    public AuthZenEvaluator Evaluator { get; }

    public PageTokenProtector Tokens { get; } = new();

    public IOptions<AuthZenOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new AuthZenOptions { MaxEvaluations = 20 });

    public ImmutableArray<byte[]> Bodies { get; }
}
