using System.Diagnostics;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Live;

/// <summary>A session change queued for one stream, with the span that applied it so the push can link to it.</summary>
internal readonly record struct LiveSignal(SessionChange Change, ActivityContext Origin);
