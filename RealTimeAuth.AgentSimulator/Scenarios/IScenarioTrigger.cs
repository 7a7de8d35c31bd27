namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>
/// The one thing a scenario changes while the agents work: nothing (steady work), an admin revocation, an IdP event, a
/// policy edit. Everything else about a run is the same for every scenario, so a new scenario is one small class.
/// </summary>
internal interface IScenarioTrigger
{
    /// <summary>One of <see cref="ScenarioNames.All"/>.</summary>
    string Name { get; }

    /// <summary>One sentence for people: what happens and what should follow.</summary>
    string Description { get; }

    ScenarioAvailability Availability { get; }

    /// <summary>
    /// Gets ready before the agents start (signs an admin in, say), so that when the trigger fires it is only the change
    /// itself and a failure to get ready stops the run before any work.
    /// </summary>
    Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes the change, while the team works, and says what the agents should now do.</summary>
    /// <exception cref="NotSupportedException">The trigger is not <see cref="ScenarioAvailability.IsAvailable">available</see>.</exception>
    Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken);
}
