namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>One request the fake token endpoint received.</summary>
internal sealed record RecordedExchange(IReadOnlyDictionary<string, string> Form, string? Authorization, string? ContentType)
{
    public string this[string name] => Form[name];
}
