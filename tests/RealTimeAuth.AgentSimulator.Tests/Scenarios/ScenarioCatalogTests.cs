using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Tests.Fakes;

namespace RealTimeAuth.AgentSimulator.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    // Never called here: the catalog only lists and selects.
    private static readonly DevIdpEvents Events = new(null!, null!, NullLogger<DevIdpEvents>.Instance);

    private readonly ScenarioCatalog _catalog = new(
    [
        new PolicyTightenedTrigger(),
        new CompromisedAgentTrigger(new FakeAdminApi(_ => []), Options.Create(new SimulatorOptions())),
        new UserDisabledTrigger(Events),
        new SteadyWorkTrigger(),
        new RiskRisesTrigger(Events),
    ]);

    [Fact]
    public void All_RegisteredInAnyOrder_ListsThemInTheDocumentedOrder()
    {
        Assert.Equal(ScenarioNames.All, _catalog.All.Select(trigger => trigger.Name));
    }

    [Theory]
    [InlineData("steady")]
    [InlineData("compromised-agent")]
    [InlineData("Compromised-Agent")]
    [InlineData("user-disabled")]
    [InlineData("risk-rises")]
    public void Select_AvailableScenario_IsReady(string name)
    {
        var selection = _catalog.Select(name);

        Assert.Equal(ScenarioSelectionStatus.Ready, selection.Status);
        Assert.Equal(name, selection.Trigger!.Name, ignoreCase: true);
    }

    [Theory]
    [InlineData("policy-tightened", "issue 4")]
    public void Select_ScenarioWaitingForAFeature_IsUnavailableAndSaysWhichIssue(string name, string issue)
    {
        var selection = _catalog.Select(name);

        Assert.Equal(ScenarioSelectionStatus.Unavailable, selection.Status);
        Assert.StartsWith($"The scenario '{name}' is not available until ", selection.Message, StringComparison.Ordinal);
        Assert.Contains(issue, selection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steady-state")]
    [InlineData("")]
    [InlineData(null)]
    public void Select_UnknownName_IsUnknownAndListsTheScenarios(string? name)
    {
        var selection = _catalog.Select(name);

        Assert.Equal(ScenarioSelectionStatus.Unknown, selection.Status);
        Assert.Null(selection.Trigger);
        Assert.EndsWith("Scenarios: steady, compromised-agent, user-disabled, risk-rises, policy-tightened.", selection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnavailableTrigger_Fired_RefusesRatherThanFakes()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => new PolicyTightenedTrigger().FireAsync(null!, CancellationToken.None));
    }

    [Fact]
    public void Catalog_TwoTriggersForOneName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ScenarioCatalog([new SteadyWorkTrigger(), new SteadyWorkTrigger()]));
    }
}
