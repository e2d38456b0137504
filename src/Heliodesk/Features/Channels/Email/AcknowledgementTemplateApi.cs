using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Email;

public sealed record AcknowledgementTemplateRequest(
    [property: Required, MaxLength(Limits.Subject)] string Subject,
    [property: Required, MaxLength(AcknowledgementTemplateApi.BodyLength)] string Body);

public sealed record AcknowledgementTemplateResponse(string Language, string Subject, string Body, bool BuiltIn);

/// <summary>Admins word the acknowledgement per language; built-in texts cover English, Spanish and Simplified Chinese.</summary>
public static class AcknowledgementTemplateApi
{
    public const int BodyLength = 8000;

    public static RouteGroupBuilder MapAcknowledgementTemplateApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/email-templates/acknowledgements").WithTags("Email").RequireAuthorization(Policies.Admin);
        templates.MapGet("/", ListAcknowledgementTemplates).WithName(nameof(ListAcknowledgementTemplates));
        templates.MapPut("/{language}", PutAcknowledgementTemplate).WithWriteTransaction().WithName(nameof(PutAcknowledgementTemplate));
        templates.MapDelete("/{language}", DeleteAcknowledgementTemplate).WithWriteTransaction().WithName(nameof(DeleteAcknowledgementTemplate));
        return api;
    }

    /// <summary>The workspace's own templates, then the built-in ones it has not replaced.</summary>
    public static async Task<Ok<List<AcknowledgementTemplateResponse>>> ListAcknowledgementTemplates(HeliodeskDb db, CancellationToken ct)
    {
        var own = await db.Set<AcknowledgementTemplate>().AsNoTracking().OrderBy(t => t.Language).ToListAsync(ct);
        var builtIn = BuiltInAcknowledgements.Bodies.Where(b => !own.Exists(t => t.Language == b.Key))
            .Select(b => new AcknowledgementTemplateResponse(b.Key, BuiltInAcknowledgements.Subject, b.Value, true));
        return TypedResults.Ok(own.Select(t => new AcknowledgementTemplateResponse(t.Language, t.Subject, t.Body, false)).Concat(builtIn).ToList());
    }

    public static async Task<Ok<AcknowledgementTemplateResponse>> PutAcknowledgementTemplate(
        string language, AcknowledgementTemplateRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var tag = Fields.Language(language);
        var template = await db.Set<AcknowledgementTemplate>().FirstOrDefaultAsync(t => t.Language == tag, ct);
        if (template is null)
        {
            template = new AcknowledgementTemplate { WorkspaceId = caller.WorkspaceId, Language = tag, Subject = "", Body = "" };
            db.Set<AcknowledgementTemplate>().Add(template);
        }
        (template.Subject, template.Body, template.UpdatedAt) = (request.Subject.Trim(), request.Body, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AcknowledgementTemplateResponse(template.Language, template.Subject, template.Body, false));
    }

    /// <summary>Goes back to the built-in wording for that language.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAcknowledgementTemplate(string language, HeliodeskDb db, CancellationToken ct)
    {
        var tag = LanguageTag.Normalize(language);
        return tag is not null && await db.Set<AcknowledgementTemplate>().Where(t => t.Language == tag).ExecuteDeleteAsync(ct) == 1
            ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
