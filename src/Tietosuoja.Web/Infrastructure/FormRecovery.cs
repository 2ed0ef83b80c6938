using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>What was wrong with one field of a form the framework could not read.</summary>
public enum FormFault
{
    /// <summary>The value held a NUL character (<c>%00</c>).</summary>
    NulCharacter,

    /// <summary>The value was longer than <see cref="FormOptions.ValueLengthLimit"/>; it is dropped.</summary>
    TooLarge,
}

/// <summary>The fields of a recovered form that were not as sent, by their form names ("Input.Text").</summary>
public sealed record FormFaults(IReadOnlyList<(string Name, FormFault Fault)> Fields);

/// <summary>
/// Reads the forms that ASP.NET Core's form reader refuses as a whole. The reader throws on the
/// first <c>%00</c> or over-long value, and the first to ask is the antiforgery check, so the
/// person got a bare 400 page and lost everything they typed. Here, before antiforgery, a page's
/// URL-encoded form that fails to read is read again leniently: NUL characters stay in their
/// values, where the field rules refuse them like any other unshowable character, an over-long
/// value is dropped, and <see cref="FormFaults"/> tells the page which fields were affected, so
/// it can show the form again with everything else kept and answer 400. A body over the server's
/// size limit cannot be kept at all and gets the 413 page. Multipart forms are left to the
/// framework: their values are not URL-decoded (a NUL reaches the field rules as it is).
/// </summary>
public static class FormRecovery
{
    public static IApplicationBuilder UseFormRecovery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !request.HasFormContentType
            || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
            || context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null
            // The status page for a refused form runs with the same body, and must not be refused in turn.
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            request.Body.Position = 0;
            var options = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var (form, faults) = Recover(await reader.ReadToEndAsync(context.RequestAborted), options);
            if (form is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            context.Features.Set<IFormFeature>(new FormFeature(form));
            context.Features.Set(faults);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    /// <summary>
    /// A URL-encoded body as a form, with what had to change; null for a body that is no form a
    /// person could have sent (more fields or longer names than the reader allows).
    /// </summary>
    public static (FormCollection? Form, FormFaults Faults) Recover(string body, FormOptions options)
    {
        var values = QueryHelpers.ParseQuery(body);
        var faults = new List<(string, FormFault)>();
        if (values.Count > options.ValueCountLimit || values.Keys.Any(key => key.Length > options.KeyLengthLimit))
        {
            return (null, new FormFaults(faults));
        }

        var form = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            if (value.Any(v => v?.Length > options.ValueLengthLimit))
            {
                faults.Add((name, FormFault.TooLarge));
                form[name] = new StringValues([.. value.Select(v => v?.Length > options.ValueLengthLimit ? string.Empty : v)]);
                continue;
            }

            if (value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                faults.Add((name, FormFault.NulCharacter));
            }

            form[name] = value;
        }

        return (new FormCollection(form), new FormFaults(faults));
    }
}
