namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>A stream this server set up at its transmitter: its row, the transmitter's metadata and, for poll, where to poll.</summary>
public sealed record SsfManagedStream(Guid Id, TransmitterOptions Transmitter, SsfTransmitterMetadata Metadata, string TransmitterStreamId, Uri? PollEndpoint);
