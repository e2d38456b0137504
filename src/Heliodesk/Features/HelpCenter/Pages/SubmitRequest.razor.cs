using Heliodesk.Common;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.HelpCenter.Pages;

/// <summary>"Submit a request": checks what was typed, then opens the ticket through Intake and shows its number.</summary>
public partial class SubmitRequest
{
    private static readonly IReadOnlyList<string> AllZones = NodaTime.DateTimeZoneProviders.Tzdb.Ids.Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal).ToList();

    [Inject]
    public IOptions<HeliodeskOptions> Options { get; set; } = default!;

    private RequestForm Form { get; set; } = new();

    private Dictionary<string, string> Errors { get; } = [];

    private IReadOnlyList<string> Zones => AllZones;

    private string SelectedZone => Form.TimeZone.Length > 0 ? Form.TimeZone : Site?.TimeZone ?? "UTC";

    private long MaxMegabytes => Options.Value.MaxAttachmentBytes / (1024 * 1024);

    private string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    private string? Described(string field) => Errors.ContainsKey(field) ? $"{field}-error" : null;

    private async Task SubmitAsync()
    {
        if (Site is null)
        {
            return;
        }
        var posted = await HttpContext.Request.ReadFormAsync(Aborted);
        Form = RequestForm.Read(posted);
        if (Form.IsBot)
        {
            // Looks accepted to the bot; nothing is stored.
            Navigation.NavigateTo($"{Root}/requests/submitted", forceLoad: true);
            return;
        }
        foreach (var (field, message) in Form.Validate(H))
        {
            Errors[field] = message;
        }
        var files = posted.Files.GetFiles("files").Where(f => f.Length > 0).ToList();
        if (UploadRules.Check(files, Options.Value, H) is { } fileError)
        {
            Errors["files"] = fileError;
        }
        if (Errors.Count > 0)
        {
            return;
        }
        long number;
        try
        {
            var language = System.Globalization.CultureInfo.CurrentUICulture.Name;
            var ticket = await WriteAsync(s => s.GetRequiredService<HelpCenterRequests>().SubmitAsync(Form, files, language, Aborted));
            number = ticket.Number;
        }
        catch (DomainRuleException e) when (e.Field is "windowStart" or "windowEnd" or "phone" or "timeZone")
        {
            Errors[e.Field] = H[$"Error.Callback.{e.Field}"];
            return;
        }
        Navigation.NavigateTo($"{Root}/requests/submitted?number={number}", forceLoad: true);
    }
}

/// <summary>The same file rules for requests and replies: how many, and how big (the agents' attachment limit).</summary>
public static class UploadRules
{
    public static string? Check(IReadOnlyList<IFormFile> files, HeliodeskOptions options, Microsoft.Extensions.Localization.IStringLocalizer text) =>
        files.Count > HelpCenterLimits.FilesPerMessage ? text["Error.TooManyFiles", HelpCenterLimits.FilesPerMessage].Value
        : files.Any(f => f.Length > options.MaxAttachmentBytes) ? text["Error.FileTooLarge", options.MaxAttachmentBytes / (1024 * 1024)].Value
        : null;
}
