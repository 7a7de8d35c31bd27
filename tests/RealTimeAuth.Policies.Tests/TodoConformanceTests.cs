using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealTimeAuth.Policies.Tests;

/// <summary>
/// The AuthZEN Todo interop cases evaluated in-process against the shipped policy file and directory
/// (the HTTP API runs the same cases later). Batches are judged as the official runner judges them:
/// the serialized <c>evaluations</c> array must equal the expected JSON exactly.
/// </summary>
public sealed class TodoConformanceTests
{
    public static TheoryData<int, string> SingleCaseIndexes()
    {
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (var item in TodoScenario.SingleCases.EnumerateArray())
        {
            var request = item.GetProperty("request");
            var email = TodoScenario.Directory.Resolve("user", request.GetProperty("subject").GetProperty("id").GetString()!).Email;
            data.Add(index++, $"{email} {request.GetProperty("action").GetProperty("name").GetString()} {request.GetProperty("resource").GetProperty("id").GetString()}");
        }

        return data;
    }

    public static TheoryData<int> BatchCaseIndexes() => [.. Enumerable.Range(0, TodoScenario.BatchCases.GetArrayLength())];

    [Fact]
    public void ConformanceFile_AsPublished_Has40SingleAnd3BatchCases() =>
        Assert.Equal((40, 3), (TodoScenario.SingleCases.GetArrayLength(), TodoScenario.BatchCases.GetArrayLength()));

    [Theory]
    [MemberData(nameof(SingleCaseIndexes))]
    public void TodoSingleCase_EvaluatedInProcess_MatchesExpectedDecision(int index, string description)
    {
        var item = TodoScenario.SingleCases[index];
        var request = item.GetProperty("request");

        var decision = TodoScenario.Policy.Evaluate(TodoScenario.ToRequest(
            request.GetProperty("subject"),
            request.GetProperty("action"),
            request.GetProperty("resource"),
            request.TryGetProperty("context", out var context) ? context : null));

        Assert.True(item.GetProperty("expected").GetBoolean() == decision.Allowed, $"{description}: {decision}");
        Assert.Equal("todo-1", decision.PolicyVersion);
    }

    [Theory]
    [MemberData(nameof(BatchCaseIndexes))]
    public void TodoBatchCase_EvaluatedItemByItem_SerializesToExpectedArray(int index)
    {
        var item = TodoScenario.BatchCases[index];
        var request = item.GetProperty("request");
        var results = new JsonArray();

        foreach (var evaluation in request.GetProperty("evaluations").EnumerateArray())
        {
            var decision = TodoScenario.Policy.Evaluate(TodoScenario.ToRequest(
                Member(evaluation, request, "subject"),
                Member(evaluation, request, "action"),
                Member(evaluation, request, "resource"),
                evaluation.TryGetProperty("context", out var context) ? context : request.TryGetProperty("context", out var shared) ? shared : null));
            results.Add(new JsonObject { ["decision"] = decision.Allowed });
        }

        Assert.Equal(item.GetProperty("expected").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal), results.ToJsonString());
    }

    /// <summary>An item's own member, else the batch's default (AuthZEN 1.0 §7.1).</summary>
    private static JsonElement Member(JsonElement item, JsonElement batch, string name) =>
        item.TryGetProperty(name, out var own) ? own : batch.GetProperty(name);
}
