using Xunit.Abstractions;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>Shows the infrastructure fixture's diagnostics (which servers it started, where) on standard error.</summary>
// xUnit3000 asks sinks to be remotable across app domains for xunit's runners; this one never leaves the driver.
#pragma warning disable xUnit3000
internal sealed class ConsoleMessageSink : IMessageSink
#pragma warning restore xUnit3000
{
    public bool OnMessage(IMessageSinkMessage message)
    {
        if (message is IDiagnosticMessage diagnostic)
        {
            Console.Error.WriteLine(diagnostic.Message);
        }

        return true;
    }
}
