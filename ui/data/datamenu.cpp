#include "datamenu.h"

#include <QKeySequence>

#include "csvimportdialog.h"
#include "csvimporter.h"
#include "datasetdialog.h"
#include "datasetlesson.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "decisionboundaryview.h"
#include "lessonsession.h"
#include "sizelimits.h"
#include "textfile.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

using namespace backprop;

namespace {

QString titleOf(DatasetShape shape, long samples)
{
    return DataMenu::tr("%1 (%2 samples)")
        .arg(QString::fromLatin1(datasetShapeName(shape).data(),
                                 static_cast<int>(datasetShapeName(shape).size())))
        .arg(samples);
}
} // namespace

DataMenu::DataMenu(LessonSession &session, DataTableView *table, QTabWidget *tabs, QWidget *window)
    : QObject(window), m_session(session), m_tabs(tabs), m_window(window),
      m_menu(new QMenu(tr("&Data"), window)), m_boundaryView(new DecisionBoundaryView(window))
{
    m_menu
        ->addAction(tr("&Generate a data set…"), QKeySequence(Qt::CTRL | Qt::Key_G), this,
                    &DataMenu::openGenerateDialog)
        ->setToolTip(tr("Generate a data set (Ctrl+G)"));
    m_menu
        ->addAction(tr("&Import CSV…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                    &DataMenu::openImportDialog)
        ->setToolTip(tr("Import samples from a CSV file (Ctrl+I)"));
    m_menu->addSeparator();
    m_menu->addAction(table->duplicateSampleAction());
    m_menu->addAction(table->removeSamplesAction());

    tabs->addTab(m_boundaryView, tr("Input plane"));
    tabs->setTabToolTip(tabs->indexOf(m_boundaryView),
                        tr("A neuron's output over the two inputs, with the samples: the "
                           "decision boundary"));

    DataTableModel *model = table->dataModel();
    // Through the session's structural history, so that Ctrl+Z brings the old data back.
    connect(model, &DataTableModel::datasetEdited, this,
            [this](const Dataset &dataset, const QString &description) {
                m_session.applyDataChange(dataset, description);
            });
    connect(model, &DataTableModel::editRefused, this, &DataMenu::report);
    connect(&m_session, &LessonSession::snapshotChanged, m_boundaryView,
            &DecisionBoundaryView::setSnapshot);
    connect(m_boundaryView, &DecisionBoundaryView::outputGridRequested, &m_session,
            &LessonSession::requestOutputGrid);
    connect(&m_session, &LessonSession::outputGridReady, m_boundaryView,
            &DecisionBoundaryView::setResult);
}

bool DataMenu::networkFits(long inputs, long outputs) const
{
    const auto &snapshot = m_session.snapshot();
    return snapshot && snapshot->state.network.inputCount == inputs
        && snapshot->state.network.outputCount() == outputs;
}

void DataMenu::report(const QString &message)
{
    m_session.showMessage(message);
}

void DataMenu::generate(DatasetShape shape, long samples, double noise, std::uint64_t seed,
                        TargetRange range, bool replace)
{
    const Dataset dataset = generateDataset(shape, samples, noise, seed, range);
    const QString title = titleOf(shape, dataset.sampleCount());
    const QString description = tr("Generate %1").arg(title);
    if (replace && networkFits(2, 1)) {
        m_session.applyDataChange(dataset, description);
        return;
    }
    const DatasetTask task =
        isClassification(shape) ? DatasetTask::Classification : DatasetTask::Regression;
    m_session.applyLessonChange(datasetLesson(dataset, task, range,
                                              std::string(datasetShapeName(shape)),
                                              title.toStdString(), seed),
                                description);
    m_tabs->setCurrentWidget(m_boundaryView);
}

QString DataMenu::importFile(const QString &path, bool replace, const QStringList &inputs,
                             const QStringList &targets)
{
    const QString name = QFileInfo(path).fileName();
    // The engine's reader: regular files only, refused by type before opening, size capped.
    auto read = TextFile::read(path.toStdString(), maxCsvFileBytes, "a CSV file");
    if (auto *error = std::get_if<TextFile::Error>(&read)) {
        const QString message = QString::fromStdString(error->message);
        report(message);
        return message;
    }
    const std::string &bytes = std::get<std::string>(read);
    const std::string_view text(bytes);
    CsvImportOptions options;
    options.separator = CsvImporter::detectSeparator(text);
    for (const QString &column : inputs)
        options.inputColumns.push_back(column.toStdString());
    for (const QString &column : targets)
        options.targetColumns.push_back(column.toStdString());
    auto result = CsvImporter::importCsv(text, name.toStdString(), options);
    if (auto *error = std::get_if<std::string>(&result)) {
        const QString message = QString::fromStdString(*error);
        report(message);
        return message;
    }
    const CsvImport &csv = std::get<CsvImport>(result);
    const QString description = tr("Import %1").arg(name);
    if (replace) {
        // The worker refuses (with a message) columns that do not fit the network.
        m_session.applyDataChange(csv.dataset, description);
        return {};
    }
    const std::optional<TargetRange> labels = labelRangeOf(csv.dataset);
    Lesson lesson =
        datasetLesson(csv.dataset, labels ? DatasetTask::Classification : DatasetTask::Regression,
                      labels.value_or(TargetRange::MinusOneToOne),
                      QFileInfo(path).completeBaseName().toStdString(), name.toStdString(), 1);
    lesson.network.neuronNames[0] = csv.inputNames;
    if (csv.targetNames.size() == static_cast<std::size_t>(lesson.network.outputCount()))
        lesson.network.neuronNames.back() = csv.targetNames;
    m_session.applyLessonChange(lesson, description);
    return {};
}

void DataMenu::openGenerateDialog()
{
    DatasetDialog dialog(networkFits(2, 1), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    generate(dialog.shape(), dialog.samples(), dialog.noise(), dialog.seed(), dialog.targetRange(),
             dialog.replacesData());
}

void DataMenu::openImportDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import a CSV file"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    auto read = TextFile::read(path.toStdString(), maxCsvFileBytes, "a CSV file");
    if (auto *error = std::get_if<TextFile::Error>(&read)) {
        report(QString::fromStdString(error->message));
        return;
    }
    // The header alone is enough to choose columns; the import reads the file again.
    const std::string &bytes = std::get<std::string>(read);
    const std::string_view text(bytes.data(), std::min<std::size_t>(bytes.size(), 64 * 1024));
    const CsvSeparator separator = CsvImporter::detectSeparator(text);
    auto header = CsvImporter::header(text, QFileInfo(path).fileName().toStdString(), separator);
    if (auto *error = std::get_if<std::string>(&header)) {
        QMessageBox::warning(m_window, tr("Import CSV"), QString::fromStdString(*error));
        return;
    }
    CsvImportDialog dialog(std::get<std::vector<std::string>>(header), separator,
                           m_session.snapshot().has_value(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const CsvImportOptions options = dialog.options();
    QStringList inputs, targets;
    for (const std::string &column : options.inputColumns)
        inputs.append(QString::fromStdString(column));
    for (const std::string &column : options.targetColumns)
        targets.append(QString::fromStdString(column));
    const QString error = importFile(path, dialog.replacesData(), inputs, targets);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Import CSV"),
                             tr("Nothing was imported.\n%1").arg(error));
}
