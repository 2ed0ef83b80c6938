using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Comment = Tietosuoja.Web.Data.Comment;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A round's comments as a spreadsheet for the writing team. Rows are read from the database one
/// at a time and written straight out, so memory use does not grow with the number of comments.
/// Names and e-mail addresses are included only when the editor asks for them.
/// </summary>
public sealed class CommentExport(PortalDbContext db, ContentStore content, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(int roundId, DateTime utcNow, ExportFormat format) => FileName("kommentit-kierros", roundId, utcNow, format);

    /// <summary>The one naming of an export file: what it holds, whose it is, and the Finnish date it was made.</summary>
    internal static string FileName(string contents, int id, DateTime utcNow, ExportFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{contents}-{id}-{FinnishTime.ToLocal(utcNow):yyyy-MM-dd}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}");

    /// <summary>Records the export in the audit trail, then writes the file to <paramref name="output"/>.</summary>
    public async Task WriteAsync(int roundId, ExportFormat format, bool includePersonalData, EditorIdentity actor, Stream output, CancellationToken cancellationToken)
    {
        var count = await Query(roundId).CountAsync(cancellationToken);
        audit.Add(actor, AuditAction.CommentsExported, RoundService.Subject(roundId),
            string.Create(CultureInfo.InvariantCulture, $"{format.ToString().ToUpperInvariant()}, {count} comments, names and e-mail addresses {(includePersonalData ? "included" : "left out")}"));
        await db.SaveChangesAsync(cancellationToken);

        var rows = Rows(roundId, includePersonalData, cancellationToken);
        if (format == ExportFormat.Csv)
        {
            await WriteCsvAsync(rows, output, cancellationToken);
        }
        else
        {
            await WriteXlsxAsync(rows, output, cancellationToken);
        }
    }

    /// <summary>
    /// A cell value that a spreadsheet will show as text, never run as a formula: values starting
    /// with =, +, -, @, tab or carriage return get a leading apostrophe (OWASP's CSV injection advice).
    /// </summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    private IQueryable<Comment> Query(int roundId) =>
        db.Comments.AsNoTracking().Where(c => c.RoundId == roundId && c.WithdrawnAt == null);

    private async IAsyncEnumerable<string[]> Rows(int roundId, bool includePersonalData, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] header =
        [
            text["Export_Id"], text["Export_Chapter"], text["Export_Version"], text["Export_Language"], text["Export_Section"],
            text["Export_Text"], text["Export_OrganisationType"], text["Export_OrganisationName"], text["Export_Consent"],
            text["Export_Status"], text["Export_Response"], text["Export_Moderation"], text["Export_SubmittedAt"],
        ];
        yield return includePersonalData ? [.. header, text["Export_AuthorName"], text["Export_Email"]] : header;

        var snapshot = content.Current;
        var language = Languages.Current;
        var comments = Query(roundId)
            .OrderBy(c => c.ChapterId).ThenBy(c => c.Version).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            .AsAsyncEnumerable();
        await foreach (var comment in comments.WithCancellation(cancellationToken))
        {
            var chapter = snapshot.FindChapterById(comment.ChapterId);
            var title = chapter?.Find(language, comment.Version)?.Title ?? chapter?.Find(Language.Fi, comment.Version)?.Title;
            string[] row =
            [
                comment.Id.ToString(CultureInfo.InvariantCulture),
                chapter is null ? comment.ChapterId : $"{chapter.Number}. {title}",
                comment.Version.ToString(),
                comment.Language.Code(),
                comment.SectionHeading ?? text["WholeChapter"],
                comment.Text,
                text[$"OrganisationType_{comment.OrganisationType}"],
                comment.OrganisationName ?? string.Empty,
                comment.ConsentToPublish ? text["Yes"] : text["No"],
                text[$"Handling_{comment.Status}"],
                comment.Response ?? string.Empty,
                text[$"Moderation_{comment.Moderation}"],
                FinnishTime.Format(comment.SubmittedAt, language),
            ];
            yield return includePersonalData ? [.. row, comment.AuthorName ?? string.Empty, comment.Email ?? string.Empty] : row;
        }
    }

    /// <summary>
    /// UTF-8 with a byte order mark and semicolons between fields: what Excel in a Finnish or
    /// Swedish locale opens straight into columns, with ä and ö intact.
    /// </summary>
    internal static async Task WriteCsvAsync(IAsyncEnumerable<string[]> rows, Stream output, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.GetCultureInfo("fi-FI"))
        {
            Delimiter = ";",
            // Neutralize does this for both formats; CsvHelper's own escaping would add a second apostrophe.
            InjectionOptions = InjectionOptions.None,
        };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, configuration);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(Neutralize(cell));
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    /// <summary>
    /// The workbook is a zip of a few XML parts. The Open XML SDK's package layer keeps parts in
    /// memory until it closes, so the zip is written here in streaming mode: the fixed parts as
    /// they are, the sheet row by row with the SDK's OpenXmlWriter. It goes to a temporary file,
    /// because a zip needs a seekable target to finish cleanly, and is then copied to the response.
    /// </summary>
    internal static async Task WriteXlsxAsync(IAsyncEnumerable<string[]> rows, Stream output, CancellationToken cancellationToken, string sheetName = "Kommentit")
    {
        var path = Path.Combine(Path.GetTempPath(), $"tietosuoja-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                foreach (var (name, xml) in XlsxFixedParts(sheetName))
                {
                    await using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    await part.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken);
                }

                await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
                using var writer = OpenXmlWriter.Create(sheet);
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    writer.WriteStartElement(new Row());
                    foreach (var cell in row)
                    {
                        // Text stored before the rules existed, or written around them, may hold characters
                        // XML cannot carry; one of them must not break the whole workbook.
                        writer.WriteElement(new Cell
                        {
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(PlainText.Showable(Neutralize(cell))) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.Close();
            }

            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await read.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The parts every one-sheet workbook has, from ECMA-376 Part 1; only the sheet and its name vary.</summary>
    private static (string Name, string Xml)[] XlsxFixedParts(string sheetName) =>
    [
        ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
        ("_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + $"xmlns:r=\"{Relationships}\"><sheets><sheet name=\"{System.Security.SecurityElement.Escape(sheetName)}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
    ];
}
