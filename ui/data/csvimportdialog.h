#pragma once

#include "csvimporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;

// Chooses the input and target columns of a CSV file from its header (by default every
// column but the last as inputs, the last as the target) and the separator.
class CsvImportDialog : public QDialog
{
    Q_OBJECT

public:
    CsvImportDialog(const std::vector<std::string> &header, backprop::CsvSeparator separator,
                    bool canReplace, QWidget *parent = nullptr);

    // Columns by 1-based number, so repeated header names stay distinct.
    backprop::CsvImportOptions options() const;
    bool replacesData() const;

private:
    QListWidget *m_inputs = nullptr;
    QListWidget *m_targets = nullptr;
    QComboBox *m_separator = nullptr;
    QCheckBox *m_replace = nullptr;
};
