using System.Text.Json;

namespace RealTimeAuth.Policies.Tests;

public sealed class PropertyBagTests
{
    [Fact]
    public void FromJson_MixedValues_KeepsScalarsAsText()
    {
        using var json = JsonDocument.Parse("""{ "s": "x", "i": 3, "d": 2.50, "t": true, "f": false, "n": null, "a": [1], "o": { "k": 1 } }""");

        var bag = PropertyBag.FromJson(json.RootElement);

        Assert.Equal(new Dictionary<string, string> { ["s"] = "x", ["i"] = "3", ["d"] = "2.50", ["t"] = "true", ["f"] = "false" }, bag);
    }

    [Fact]
    public void FromJson_NotAnObject_Empty()
    {
        using var json = JsonDocument.Parse("[1, 2]");

        Assert.Empty(PropertyBag.FromJson(json.RootElement));
    }
}
