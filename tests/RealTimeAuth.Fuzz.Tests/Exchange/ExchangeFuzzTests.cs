using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Exchange;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.Exchange;

/// <summary>
/// Token endpoint input as the endpoint reads it: the form (<see cref="ExchangeForm"/>, then <see cref="ExchangeRequest"/>)
/// and the DPoP proof (<see cref="DpopProofValidator"/>). Each reader returns what it read or an <c>invalid_request</c>
/// and throws nothing; the proof validator returns a valid proof or a known reason, and a mutated proof is valid only
/// if it is unchanged.
/// </summary>
public sealed class ExchangeFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] ContentTypes = ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "multipart/form-data; boundary=x"];
    private static readonly HashSet<string> ProofReasons =
        [.. typeof(DpopRejectionReasons).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetRawConstantValue()!)];

    private readonly ExchangeCorpus _corpus = new();

    [Fact]
    public void FormAndProof_RandomAndMutated_ParsedOrRefusedAsDocumented()
    {
        FuzzTarget.Run("exchange", Inputs(), input =>
        {
            CheckForm(input);
            var proof = DpopProofValidator.Validate(input.Proof, _corpus.Expect(input.Parent));
            if (!proof.IsValid)
            {
                Assert.Contains(proof.RejectionReason!, ProofReasons);
                return;
            }

            var originals = input.Parent ? _corpus.ParentProofs : _corpus.SessionProofs;
            Assert.Contains(input.Proof, originals);
        }, FuzzSettings.Iterations(quick: 4_000, full: 1_000_000), Print, output.WriteLine);
    }

    public void Dispose() => _corpus.Dispose();

    private static void CheckForm(ExchangeInput input)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = input.ContentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(input.Form));
        var (form, unreadable) = ExchangeForm.ReadAsync(context.Request, CancellationToken.None).GetAwaiter().GetResult();
        if (form is null)
        {
            Assert.Equal("invalid_request", unreadable!.Value.Error);
            return;
        }

        var (request, error) = ExchangeRequest.Read(form);
        Assert.True(request is null != (error is null));
        Assert.True(error is null || error.Value.Error == "invalid_request", error?.Value.Error);
    }

    private Gen<ExchangeInput> Inputs()
    {
        var forms = _corpus.Forms;
        var proofs = _corpus.SessionProofs;
        var parents = _corpus.ParentProofs;
        var form = Gen.Int[0, forms.Length - 1];
        var proof = Gen.Int[0, proofs.Length - 1];
        var type = Weighted.Of((8, Gen.Const(ContentTypes[0])), (1, Gen.OneOf(ContentTypes)));
        var randomForm = Gen.OneOf(Gen.String[0, 400], Gen.Select(form, Edit.Several, (i, edits) => Mutator.Apply(forms[i], forms[(i + 1) % forms.Length], edits)));
        var keptProof = Gen.Select(proof, Gen.Bool, (i, parent) => new ExchangeInput(ContentTypes[0], forms[i % forms.Length], (parent ? parents : proofs)[i], parent, i));
        var mutated = Gen.Select(type, randomForm, proof, Gen.Bool, Edit.Several, (t, body, i, parent, edits) =>
        {
            var pool = parent ? parents : proofs;
            return new ExchangeInput(t, body, Mutator.Apply(pool[i], pool[(i + 1) % pool.Length], edits), parent, i);
        });
        var randomProof = Gen.Select(type, randomForm, Gen.String[0, 600], Gen.Bool, static (t, body, text, parent) => new ExchangeInput(t, body, text, parent, null));
        return Weighted.Of((1, keptProof), (6, mutated), (2, randomProof));
    }

    private static string Print(ExchangeInput input) =>
        $"{input.ContentType} form {Escape.Text(input.Form)}, {(input.Parent ? "parent" : "session")} proof from #{input.OriginalProof?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "random"}: {Escape.Text(input.Proof)}";
}
