using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Attacks;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Tests.Fakes;

namespace RealTimeAuth.AgentSimulator.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    // Never called here: the catalog only lists and selects.
    private static readonly DevIdpEvents Events = new(null!, null!, NullLogger<DevIdpEvents>.Instance);

    private readonly ScenarioCatalog _catalog = new(
    [
        new PolicyTightenedTrigger(new FakePolicyAdminApi(null)),
        new CompromisedAgentTrigger(new FakeAdminApi(_ => []), Options.Create(new SimulatorOptions())),
        new UserDisabledTrigger(Events),
        new SteadyWorkTrigger(),
        new RiskRisesTrigger(Events),
        new StolenTokenTrigger(new ProofTap(), null!, Options.Create(new SimulatorOptions()), TimeProvider.System),
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
    [InlineData("policy-tightened")]
    [InlineData("user-disabled")]
    [InlineData("risk-rises")]
    public void Select_AvailableScenario_IsReady(string name)
    {
        var selection = _catalog.Select(name);

        Assert.Equal(ScenarioSelectionStatus.Ready, selection.Status);
        Assert.Equal(name, selection.Trigger!.Name, ignoreCase: true);
    }

    [Fact]
    public void Select_ScenarioWaitingForAFeature_IsUnavailableAndSaysWhichIssue()
    {
        const string name = "steady";
        const string issue = "issue 99";
        var selection = new ScenarioCatalog([new WaitingTrigger(name, issue)]).Select(name);

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
        Assert.EndsWith("Scenarios: steady, compromised-agent, user-disabled, risk-rises, policy-tightened, stolen-token.", selection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_TwoTriggersForOneName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ScenarioCatalog([new SteadyWorkTrigger(), new SteadyWorkTrigger()]));
    }

    /// <summary>A trigger that names a feature it waits for, as one would while its issue is open.</summary>
    private sealed class WaitingTrigger(string name, string waitingFor) : IScenarioTrigger
    {
        public string Name => name;

        public string Description => "Waits for a feature.";

        public ScenarioAvailability Availability => new(false, waitingFor);

        public Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
