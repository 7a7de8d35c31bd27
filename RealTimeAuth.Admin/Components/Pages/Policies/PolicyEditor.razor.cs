using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;

namespace RealTimeAuth.Admin.Components.Pages.Policies;

public sealed partial class PolicyEditor
{
    private string? _text;
    private string? _comment;
    private string? _syntaxError;
    private ApiResult<PolicyValidation>? _validation;

    [Parameter]
    public EventCallback OnSaved { get; set; }

    [Inject]
    private AdminApiClient Api { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    public async Task LoadAsync(JsonElement document)
    {
        _text = JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
        await ValidateAsync(_text);
        StateHasChanged();
    }

    private async Task ValidateAsync(string? text)
    {
        if (Parse(text) is not { } document)
        {
            _validation = null;
            return;
        }

        _validation = await Api.ValidatePolicyAsync(document);
    }

    private JsonElement? Parse(string? text)
    {
        _syntaxError = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var parsed = JsonDocument.Parse(text);
            return parsed.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            _syntaxError = $"Line {(exception.LineNumber ?? 0) + 1}, column {(exception.BytePositionInLine ?? 0) + 1}: not valid JSON.";
            return null;
        }
    }

    private async Task SaveAsync()
    {
        if (Parse(_text) is not { } document)
        {
            return;
        }

        var result = await Api.CreatePolicyAsync(document, _comment);
        if (result.Value is { } draft)
        {
            Snackbar.Add($"Saved as draft version {draft.Version}.", Severity.Success);
            await OnSaved.InvokeAsync();
        }
        else
        {
            Snackbar.Add(result.Error ?? "Saving failed.", Severity.Error);
        }
    }
}
