using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Server.AuthZen;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.AuthZen;

/// <summary>
/// Random, generated and mutated bodies through the AuthZEN route handlers themselves (body reader, request reader,
/// search query, limits, evaluation with the Todo policy): each answers 200 with a decision or a 400 problem, and
/// throws nothing (an exception there is a 500).
/// </summary>
public sealed class AuthZenFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Names =
        ["subject", "resource", "action", "context", "type", "id", "name", "properties", "email", "evaluations", "options", "evaluations_semantic", "page", "token", "limit"];

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"];

    private readonly AuthZenCorpus _corpus = new();

    [Fact]
    public void Handlers_RandomAndMutatedBodies_AnswerADecisionOrA400()
    {
        FuzzTarget.Run("authzen", Inputs(), input =>
        {
            var result = Call(input);
            var status = Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode;
            Assert.True(status is 200 or 400, $"status {status}");
            Assert.True(status == 400 || result is IValueHttpResult { Value: not null });
            if (result is ProblemHttpResult problem)
            {
                Assert.Equal(400, problem.ProblemDetails.Status);
            }
        }, FuzzSettings.Iterations(quick: 4_000, full: 1_000_000), Print, output.WriteLine);
    }

    internal static Gen<AuthZenInput> Inputs(AuthZenCorpus corpus)
    {
        var endpoint = Gen.Enum<AuthZenEndpoint>();
        var index = Gen.Int[0, corpus.Bodies.Length - 1];
        var json = Weighted.Of((12, Gen.Const(ContentTypes[0])), (1, Gen.OneOf(ContentTypes)));
        var random = Gen.Select(endpoint, json, Gen.Byte.Array[0, 400], static (e, type, body) => new AuthZenInput(e, type, body, null));
        var generated = Gen.Select(endpoint, json, JsonGen.Document(Names), static (e, type, body) => new AuthZenInput(e, type, Encoding.UTF8.GetBytes(body), null));
        var mutated = Gen.Select(endpoint, json, index, index, Edit.Several, (e, type, i, other, edits) =>
            new AuthZenInput(e, type, Mutator.Apply(corpus.Bodies[i], corpus.Bodies[other], edits), i));
        var text = Gen.Select(endpoint, index, index, Edit.Several, (e, i, other, edits) => new AuthZenInput(e, ContentTypes[0],
            Encoding.UTF8.GetBytes(Mutator.Apply(Encoding.UTF8.GetString(corpus.Bodies[i]), Encoding.UTF8.GetString(corpus.Bodies[other]), edits)), i));
        return Weighted.Of((1, random), (3, generated), (4, mutated), (3, text));
    }

    internal static string Print(AuthZenInput input) =>
        $"{input.Endpoint} ({input.ContentType}) from #{input.Original?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "random"}: {Escape.Utf8(input.Body)}";

    private Gen<AuthZenInput> Inputs() => Inputs(_corpus);

    private IResult Call(AuthZenInput input)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = input.ContentType;
        context.Request.Body = new MemoryStream(input.Body);
        var request = context.Request;
        var none = CancellationToken.None;
        Task<IResult> call = input.Endpoint switch
        {
            AuthZenEndpoint.Evaluation => Result(AuthZenApi.EvaluateAsync(request, _corpus.Evaluator, none)),
            AuthZenEndpoint.Evaluations => Result(AuthZenApi.EvaluateManyAsync(request, _corpus.Evaluator, _corpus.Options, none)),
            AuthZenEndpoint.SearchSubject => Result(AuthZenSearch.SubjectsAsync(request, _corpus.Evaluator, _corpus.Tokens, none)),
            AuthZenEndpoint.SearchResource => Result(AuthZenSearch.ResourcesAsync(request, _corpus.Evaluator, _corpus.Tokens, none)),
            _ => Result(AuthZenSearch.ActionsAsync(request, _corpus.Evaluator, _corpus.Tokens, none)),
        };
        return call.GetAwaiter().GetResult();
    }

    private static async Task<IResult> Result<T>(Task<T> call)
        where T : INestedHttpResult => (await call).Result;
}
