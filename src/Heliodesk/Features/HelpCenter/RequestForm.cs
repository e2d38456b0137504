using Heliodesk.Common;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// What a customer typed into "Submit a request", kept as typed so a refused form comes back filled
/// in, with one message per field in the customer's language.
/// </summary>
public sealed class RequestForm
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public string Urgency { get; set; } = "normal";
    public bool CallMe { get; set; }
    public string Phone { get; set; } = "";
    public string WindowStart { get; set; } = "";
    public string WindowEnd { get; set; } = "";
    public string TimeZone { get; set; } = "";

    /// <summary>Bots fill every field; people never see this one.</summary>
    public string Website { get; set; } = "";

    public static RequestForm Read(IFormCollection form) => new()
    {
        Name = form["name"].ToString().Trim(),
        Email = form["email"].ToString().Trim(),
        Subject = form["subject"].ToString().Trim(),
        Description = form["description"].ToString().Trim(),
        Urgency = form["urgency"].ToString(),
        CallMe = form["callMe"].ToString() is "on" or "true",
        Phone = form["phone"].ToString().Trim(),
        WindowStart = form["windowStart"].ToString(),
        WindowEnd = form["windowEnd"].ToString(),
        TimeZone = form["timeZone"].ToString(),
        Website = form["website"].ToString(),
    };

    public bool IsBot => Website.Length > 0;

    public CustomerUrgency? ParsedUrgency => Enum.TryParse<CustomerUrgency>(Urgency, ignoreCase: true, out var u) && Enum.IsDefined(u) ? u : null;

    public Dictionary<string, string> Validate(IStringLocalizer text)
    {
        var errors = new Dictionary<string, string>();
        if (Name.Length == 0 || Name.Length > Limits.Name)
        {
            errors["name"] = text["Error.Name", Limits.Name];
        }
        if (!EmailAddress.IsValid(Email) || Email.Length > Limits.Email)
        {
            errors["email"] = text["Error.Email"];
        }
        if (Subject.Length == 0 || Subject.Length > Limits.Subject)
        {
            errors["subject"] = text["Error.Subject", Limits.Subject];
        }
        if (Description.Length == 0 || Description.Length > HelpCenterLimits.DescriptionLength)
        {
            errors["description"] = text["Error.Description", HelpCenterLimits.DescriptionLength];
        }
        if (ParsedUrgency is null)
        {
            errors["urgency"] = text["Error.Urgency"];
        }
        if (CallMe)
        {
            ValidateCallback(errors, text);
        }
        return errors;
    }

    private void ValidateCallback(Dictionary<string, string> errors, IStringLocalizer text)
    {
        try
        {
            if (CustomerFields.Phone(Phone) is null)
            {
                errors["phone"] = text["Error.Phone"];
            }
        }
        catch (DomainRuleException)
        {
            errors["phone"] = text["Error.Phone"];
        }
        if (!TimeZones.IsKnown(TimeZone))
        {
            errors["timeZone"] = text["Error.TimeZone"];
        }
        if (WindowStart.Length == 0)
        {
            errors["windowStart"] = text["Error.WindowStart"];
        }
        if (WindowEnd.Length == 0)
        {
            errors["windowEnd"] = text["Error.WindowEnd"];
        }
    }
}

/// <summary>Bounds on what one help-center form may carry.</summary>
public static class HelpCenterLimits
{
    public const int DescriptionLength = 20_000;
    public const int FilesPerMessage = 5;
}
