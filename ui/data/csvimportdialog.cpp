#include "csvimportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QListWidget>

using namespace backprop;

namespace {
void fill(QListWidget *list, const std::vector<std::string> &header, bool targets)
{
    for (std::size_t c = 0; c < header.size(); ++c) {
        auto *item = new QListWidgetItem(QString::fromStdString(header[c]), list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool isLast = c + 1 == header.size();
        item->setCheckState(isLast == targets ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<std::string> checked(const QListWidget *list)
{
    std::vector<std::string> columns;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            columns.push_back(std::to_string(row + 1));
    }
    return columns;
}
} // namespace

CsvImportDialog::CsvImportDialog(const std::vector<std::string> &header, CsvSeparator separator,
                                 bool canReplace, QWidget *parent)
    : QDialog(parent), m_inputs(new QListWidget(this)), m_targets(new QListWidget(this)),
      m_separator(new QComboBox(this)),
      m_replace(new QCheckBox(tr("Replace the current lesson's samples"), this))
{
    setWindowTitle(tr("Import a CSV file"));
    fill(m_inputs, header, false);
    fill(m_targets, header, true);
    m_separator->addItem(tr("Comma, decimal point (1.5,2)"), static_cast<int>(CsvSeparator::Comma));
    m_separator->addItem(tr("Semicolon, decimal comma (1,5;2)"),
                         static_cast<int>(CsvSeparator::Semicolon));
    m_separator->setCurrentIndex(separator == CsvSeparator::Semicolon ? 1 : 0);
    m_separator->setEnabled(false); // the header was split with it; detected from the file
    m_replace->setEnabled(canReplace);
    m_replace->setToolTip(tr("Only when the columns fit the current network's inputs and outputs"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Separator:"), m_separator);
    form->addRow(tr("Inputs:"), m_inputs);
    form->addRow(tr("Targets:"), m_targets);
    form->addRow(m_replace);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

CsvImportOptions CsvImportDialog::options() const
{
    CsvImportOptions options;
    options.inputColumns = checked(m_inputs);
    options.targetColumns = checked(m_targets);
    options.separator = static_cast<CsvSeparator>(m_separator->currentData().toInt());
    // An empty choice would mean "the default" to the importer; here it means none.
    if (options.inputColumns.empty())
        options.inputColumns.push_back("");
    if (options.targetColumns.empty())
        options.targetColumns.push_back("");
    return options;
}

bool CsvImportDialog::replacesData() const
{
    return m_replace->isEnabled() && m_replace->isChecked();
}
