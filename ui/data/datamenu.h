#pragma once

#include "datasetgenerator.h"

#include <QObject>

class DataTableView;
class DecisionBoundaryView;
class LessonSession;
class QMenu;
class QTabWidget;
class QWidget;

// The window's "Data" part: the Data menu (generate a built-in data set, import a CSV file,
// add or remove samples), the data table's edits as undoable changes of the session, and the
// decision-boundary tab (added to `tabs`). It computes nothing: data sets come from the
// engine's generator and importer, and every change goes to the session as a whole new data
// set. `window` parents the dialogs.
class DataMenu : public QObject
{
    Q_OBJECT

public:
    DataMenu(LessonSession &session, DataTableView *table, QTabWidget *tabs, QWidget *window);

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

    LessonSession &m_session;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_window = nullptr;
    QMenu *m_menu = nullptr;
    DecisionBoundaryView *m_boundaryView = nullptr;
};
