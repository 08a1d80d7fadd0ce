#pragma once

#include "datasetgenerator.h"

#include <QObject>

class DecisionBoundaryView;
class MainWindow;
class QMenu;

// The window's "Data" part, attached with one line: the Data menu (generate a built-in data
// set, import a CSV file, add or remove samples), the data table's edits sent to the worker,
// and the decision-boundary tab. It computes nothing: data sets come from the engine's
// generator and importer, and every change goes to the worker as a whole new data set.
class DataMenu : public QObject
{
    Q_OBJECT

public:
    explicit DataMenu(MainWindow *window);

    QMenu *menu() const { return m_menu; }
    DecisionBoundaryView *boundaryView() const { return m_boundaryView; }

    // Without a dialog (tests, the command line): a lesson for a built-in data set, or new
    // samples for the current lesson when `replace` is set and its network fits.
    void generate(backprop::DatasetShape shape, long samples, double noise, std::uint64_t seed,
                  backprop::TargetRange range, bool replace);
    // Reads `path` with the importer; returns the message shown on error (empty on success).
    QString importFile(const QString &path, bool replace, const QStringList &inputs = {},
                       const QStringList &targets = {});

private:
    void openGenerateDialog();
    void openImportDialog();
    void report(const QString &message);
    bool networkFits(long inputs, long outputs) const;

    MainWindow *m_window = nullptr;
    QMenu *m_menu = nullptr;
    DecisionBoundaryView *m_boundaryView = nullptr;
};
