namespace RealTimeAuth.Sdk.Binding;

/// <summary>Writes the proof headers of one request once its final URI is known, and reads what the answer says about nonces.</summary>
internal interface IRequestProver
{
    void Prove(HttpRequestMessage request);

    bool Observe(HttpResponseMessage response);
}
