using Microsoft.Extensions.Options;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// Validates a SET (RFC 8417, SSF 1.0 §4) received for one of <c>streams</c>, cheapest rule first and the signature
/// before any claim is believed. Each failure is a distinct, stable reason; no input makes it throw, except a
/// transmitter whose keys cannot be read (<see cref="TransmitterUnavailableException"/>).
/// </summary>
internal sealed class SetValidator(
    SsfStreamCatalog catalog, TransmitterKeyStore keys, IOptionsMonitor<SharedSignalsOptions> options, TimeProvider timeProvider)
{
    public async Task<SetValidation> ValidateAsync(string compact, IReadOnlyList<SsfStreamDescriptor> streams, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (compact.Length > current.MaxSetBytes)
        {
            return SetValidation.Reject(SetRejection.InvalidRequest(SetRejectionReasons.TooLarge, $"The SET is larger than {current.MaxSetBytes} bytes."));
        }

        var (token, parseRejection) = SetParser.Parse(compact);
        if (token is null)
        {
            return SetValidation.Reject(parseRejection!);
        }

        if ((ExplicitTypingRule.Check(token) ?? CriticalHeaderRule.Check(token) ?? AlgorithmRule.Check(token)) is { } headerRejection)
        {
            return SetValidation.Reject(headerRejection);
        }

        var (issuerStreams, issuerRejection) = StreamSelectionRule.Check(token, streams, catalog);
        if (issuerRejection is not null)
        {
            return SetValidation.Reject(issuerRejection);
        }

        // The audience picks the stream when one transmitter has several; the signature is checked before aud is reported.
        var (stream, audienceRejection) = AudienceRule.Check(token, issuerStreams);
        if (await SignatureRule.CheckAsync(token, stream ?? issuerStreams[0], keys, cancellationToken) is { } signatureRejection)
        {
            return SetValidation.Reject(signatureRejection);
        }

        if (audienceRejection is not null)
        {
            return SetValidation.Reject(audienceRejection);
        }

        return CheckClaims(token, stream!, current);
    }

    private SetValidation CheckClaims(SecurityEventToken token, SsfStreamDescriptor stream, SharedSignalsOptions current)
    {
        if ((ClaimSetRules.CheckJti(token) ?? ClaimSetRules.CheckNoSub(token) ?? ClaimSetRules.CheckNoExp(token)) is { } rejection)
        {
            return SetValidation.Reject(rejection);
        }

        var (issuedAt, iatRejection) = IssuedAtRule.Check(token, timeProvider.GetUtcNow(), current.ClockSkew, current.MaxSetAge);
        if (iatRejection is not null)
        {
            return SetValidation.Reject(iatRejection);
        }

        var (eventType, payload, eventRejection) = ClaimSetRules.CheckSingleEvent(token);
        if (eventRejection is not null)
        {
            return SetValidation.Reject(eventRejection);
        }

        var (subject, subjectRejection) = SubjectRule.Check(token, payload);
        if (subjectRejection is not null)
        {
            return SetValidation.Reject(subjectRejection);
        }

        if (EventPayloadRule.Check(eventType!, payload) is { } payloadRejection)
        {
            return SetValidation.Reject(payloadRejection);
        }

        if (ClaimScopeRule.Check(eventType!, payload, subject, stream) is { } scopeRejection)
        {
            return SetValidation.Reject(scopeRejection);
        }

        return SetValidation.Accept(new ValidatedSet(
            stream, token.Raw, token.ClaimsJson, stream.Issuer, token.ClaimString("jti")!, issuedAt, eventType!, payload, subject));
    }
}
