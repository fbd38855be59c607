using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FactImportKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "fact_imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "fact_imports",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "csv");

            migrationBuilder.AddColumn<byte[]>(
                name: "Source",
                table: "fact_imports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "fact_imports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Details",
                table: "fact_imports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "fact_imports");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "fact_imports");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "fact_imports");
        }
    }
}
