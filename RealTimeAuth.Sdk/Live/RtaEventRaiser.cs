using Microsoft.Extensions.Logging;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk.Live;

/// <summary>Invokes each subscriber separately, so one throwing handler neither stops the others nor the live channel.</summary>
internal sealed class RtaEventRaiser(RtaClient sender, ILogger logger)
{
    public void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args, string eventName)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var subscriber in handler.GetInvocationList())
        {
            try
            {
                ((EventHandler<TArgs>)subscriber)(sender, args);
            }
            catch (Exception exception)
            {
                logger.EventHandlerFailed(eventName, sender.SessionId, exception);
            }
        }
    }
}
